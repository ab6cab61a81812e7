"""The contacts view: the table of people, search and filters, the person pane."""
