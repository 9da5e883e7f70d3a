// Test helpers shared by the test targets: a WebSocket client and a simulated charge point.
