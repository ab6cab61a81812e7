"""Bringing contacts in and taking data out: the dialogs and the background work behind them."""
