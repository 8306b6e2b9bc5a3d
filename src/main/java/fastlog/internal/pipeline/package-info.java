/**
 * The running logging system: producers encode records into stripes, one writer thread renders
 * and writes them. {@link fastlog.internal.pipeline.Pipeline} is the entry point.
 */
package fastlog.internal.pipeline;
