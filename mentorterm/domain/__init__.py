"""The domain layer: use cases and rules. No Textual import here."""
