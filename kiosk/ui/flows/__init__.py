"""What the kiosk does when a person taps: one module per flow, each given the shared state,
the screens and the navigator (`navigator.Navigator`) it needs, never the window's insides."""
