/**
 * A strict JSON parser for fastlog's lines and a compact writer for failure messages; not
 * exported. fastlog-test carries no JSON library, so what its users' tests see does not depend
 * on one.
 */
package fastlog.test.internal.json;
