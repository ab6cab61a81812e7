"""The pure core: vocabulary, lifecycle rules, reliability, risk. No I/O, no Qt, no SQL."""
