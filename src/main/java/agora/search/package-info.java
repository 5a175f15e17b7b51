/**
 * Search: one embedded Lucene index over the public content of every module (profiles, posts, products),
 * fed from the modules' events through a change log that every node tails, and queried through
 * {@code /api/search}. The module offers no Java API of its own: it only listens and answers HTTP.
 */
package agora.search;
