"""Recognizing time expressions in text and resolving them against an anchor."""
