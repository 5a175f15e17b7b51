/**
 * Media: uploaded pictures (product photos, avatars). An upload is checked by its content, decoded, stripped of
 * its metadata, turned upright and into sRGB, and re-encoded in fixed sizes; only those are stored (file system
 * or S3-compatible object storage) and served, under URLs that change when the content does. Other modules
 * attach images to what they own through {@link agora.media.Images}.
 */
package agora.media;
