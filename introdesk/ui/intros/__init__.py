"""Introductions: the drag-and-drop form with the pre-referral warning."""
