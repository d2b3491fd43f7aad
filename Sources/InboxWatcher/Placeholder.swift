enum InboxWatcherPlaceholder {}
