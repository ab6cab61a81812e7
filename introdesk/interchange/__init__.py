"""Readers and writers for the formats a connector's network arrives in and leaves in.

Qt-free and database-free: readers turn files into `ContactDraft`s plus a list of `Problem`s;
writers turn plain records into files. The services layer decides what to store.
"""
