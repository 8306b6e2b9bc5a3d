/** Example applications that use fastlog the way a service would. */
module fastlog.examples {
    requires fastlog;
    // fastlog logs records as JSON objects only if it may read them (as with Jackson):
    opens fastlog.examples.model to fastlog;
}
