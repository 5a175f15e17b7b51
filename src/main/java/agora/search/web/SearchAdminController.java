package agora.search.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.platform.ApiException;
import agora.search.internal.Rebuild;
import agora.search.internal.SearchIndex;

/** Operating the index: its state on this node, and a full rebuild. Admins only (the whole /api/admin area). */
@RestController
class SearchAdminController {

    private final SearchIndex index;
    private final Rebuild rebuild;

    SearchAdminController(SearchIndex index, Rebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GetMapping("/api/admin/search/status")
    Map<String, Object> status(CurrentUser admin) throws IOException {
        var status = new LinkedHashMap<String, Object>();
        status.put("index", index.status());
        status.put("rebuild", rebuild.status());
        return status;
    }

    /** Starts a rebuild of this node's index (202); 409 while one is running. */
    @PostMapping("/api/admin/search/reindex")
    ResponseEntity<Map<String, Object>> reindex(CurrentUser admin) throws IOException {
        if (!rebuild.begin("asked for by admin " + admin.id())) {
            throw ApiException.conflict("rebuild-running", "rebuild", "a rebuild is already running");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(admin));
    }
}
