"""One module per provider; importing it registers the provider's operations."""
