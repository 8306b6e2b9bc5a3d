/**
 * Levels: their ordinals and names ({@link fastlog.internal.level.Levels}), a global minimum and
 * per-logger ones inherited by name prefix ({@link fastlog.internal.level.LevelRegistry}).
 */
package fastlog.internal.level;
