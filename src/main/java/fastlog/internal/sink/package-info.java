/** Where rendered lines go: one write per batch, failures counted and reported once. */
package fastlog.internal.sink;
