"""The practice corner on screen: gesture areas, exercises, keyboards."""
