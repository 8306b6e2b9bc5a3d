/** JSON text output: a reusable UTF-8 byte buffer and renderers for values and throwables. */
package fastlog.internal.json;
