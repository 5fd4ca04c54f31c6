"""Hand-written endpoint modules for the XML job feed (which the generator cannot produce)."""
