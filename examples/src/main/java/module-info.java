/** Example applications that use fastlog the way a service would. */
module fastlog.examples {
    requires fastlog;
}
