/** An application that knows only SLF4J: adding fastlog-slf4j's jar is all it takes. */
module demo.app {
    requires org.slf4j;
}
