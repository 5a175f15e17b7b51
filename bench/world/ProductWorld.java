import java.sql.Connection;
import java.util.Arrays;
import java.util.HashSet;

/** The bench world's shop: listed products and their tags, drawn from the same seeded random as the social world. */
final class ProductWorld {

    static final String[] WORDS = SocialWorld.WORDS;
    static final String[] MATERIALS = ("walnut oak maple beech cherry ash bamboo linen cotton wool leather canvas "
            + "brass copper steel titanium aluminium ceramic porcelain stoneware glass cork felt silk denim").split(" ");
    static final String[] THINGS = ("cutting board,serving tray,spoon set,bowl,mug,teapot,vase,lamp,shelf,stool,"
            + "wallet,belt,bag,tote,backpack,notebook,pen case,keyboard,keycap set,wrist rest,camera strap,lens cap,"
            + "film holder,tripod,apron,scarf,blanket,pillow,coaster,planter,clock,frame,knife roll").split(",");
    static final String[] QUALITIES = ("handmade vintage minimalist rustic compact sturdy lightweight waterproof "
            + "hand-carved hand-stitched oiled polished brushed refurbished limited").split(" ");
    static final String[] PRODUCT_TAGS = ("kitchen woodwork keyboards photography film home decor leather textiles "
            + "ceramics garden office travel outdoor running baking coffee tea vintage gifts lighting furniture "
            + "stationery audio cycling climbing knitting sewing jewellery watches toys books art prints "
            + "camping fishing music vinyl gaming bags").split(" ");
    static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "USD", "GBP"};

    final SocialWorld world;
    final int products;

    ProductWorld(SocialWorld world, int products) {
        this.world = world;
        this.products = products;
    }

    /**
     * Listed products by a tenth of the users (Zipf: a few sellers list most), each a title of quality, material
     * and thing, a two-sentence description, 1–4 Zipf-distributed tags, a log-normal price in EUR, USD or GBP,
     * stock (some sold out) and Pareto units sold; created over the last year, ids in creation order.
     */
    void generate(Connection db) throws Exception {
        var sellers = new Zipf(Math.max(1, world.users / 10), 0.8);
        var tagPopularity = new Zipf(PRODUCT_TAGS.length, 1.0);
        var created = new long[products];
        for (var i = 0; i < products; i++) {
            created[i] = world.now - (long) (world.random.nextDouble() * 365 * SocialWorld.DAY);
        }
        Arrays.sort(created);
        var productTags = new byte[products][];
        try (var out = new Copy(world.log, db, "products (id, public_id, seller_id, title, description, price_amount, currency, "
                + "stock, units_sold, listed, created_at, updated_at)", "products", products)) {
            var chosen = new HashSet<Integer>();
            for (var i = 0; i < products; i++) {
                var id = i + 1;
                var material = pick(MATERIALS);
                var thing = pick(THINGS);
                var title = capitalized(pick(QUALITIES)) + " " + material + " " + thing;
                var description = capitalized(pick(QUALITIES)) + " " + thing + " in " + material + ", made to last. "
                        + capitalized(pick(WORDS)) + " " + pick(WORDS) + " " + pick(WORDS) + ", " + pick(MATERIALS)
                        + " details and " + pick(WORDS) + " " + pick(WORDS) + ".";
                var price = Math.max(100, Math.round(Math.exp(Math.log(3000) + world.random.nextGaussian())));
                var stock = world.random.nextInt(20) == 0 ? 0 : (int) Math.min(10_000, world.pareto(1.2, 1));
                var sold = (long) world.pareto(1.3, 1) - 1;
                var at = SocialWorld.ts(created[i]);
                out.row(id, publicId("prd"), world.userBase + sellers.sample(world.random), title, description, price,
                        pick(CURRENCIES), stock, sold, true, at, at);
                chosen.clear();
                var tagCount = 1 + world.random.nextInt(4);
                while (chosen.size() < tagCount) {
                    chosen.add(tagPopularity.sample(world.random));
                }
                productTags[i] = new byte[tagCount];
                var k = 0;
                for (var t : chosen) {
                    productTags[i][k++] = (byte) t.intValue();
                }
            }
        }
        try (var out = new Copy(world.log, db, "product_tags (product_id, tag)", "product_tags", -1)) {
            for (var i = 0; i < products; i++) {
                for (var t : productTags[i]) {
                    out.row(i + 1, PRODUCT_TAGS[t]);
                }
            }
        }
    }

    /** As the application's PublicIds: a prefix and 20 base-62 characters (here from the seeded random). */
    String publicId(String prefix) {
        var alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var id = new StringBuilder(prefix).append('_');
        for (var i = 0; i < 20; i++) {
            id.append(alphabet.charAt(world.random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    String pick(String[] values) {
        return values[world.random.nextInt(values.length)];
    }

    static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
