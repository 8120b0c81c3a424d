"""Reports for the city: the monthly summary for the DX committee."""
