/**
 * What the logging thread knows about an event besides its fields, captured during the call and
 * carried in the record as trailing fields ({@code RecordLayout.TAG_TRACE}, {@code TAG_THREAD},
 * {@code TAG_CALLER}): the active trace span ({@link fastlog.internal.ambient.TraceSource}, over a
 * {@code fastlog.api.TraceContextProvider}), the thread's name, and the caller's location
 * ({@link fastlog.internal.ambient.CallerLocation}). Which of them are captured is fixed per
 * pipeline ({@link fastlog.internal.ambient.AmbientSettings}); with none, a call pays one check.
 */
package fastlog.internal.ambient;
