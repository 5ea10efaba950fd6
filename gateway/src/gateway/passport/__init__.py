"""The digital passport (issue 13 §1): one student's whole record as a streamed zip with an offline HTML view,
versioned JSON with its JSON Schema, the media files and the student's credentials."""
