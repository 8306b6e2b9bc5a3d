/**
 * The check side of the ingestion check: starts a real OpenSearch node in this JVM on 127.0.0.1,
 * installs the ECS index template, runs the generator JVM, bulk-indexes every line it wrote over
 * HTTP and asserts that OpenSearch took all of them with the types a user expects. Runs on the
 * class path (OpenSearch's jars are not JPMS modules). Entry point: {@link fastlog.ingest.check.IngestCheck}.
 */
package fastlog.ingest.check;
