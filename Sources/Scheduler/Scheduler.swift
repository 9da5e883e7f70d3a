// The scheduler lives here.
