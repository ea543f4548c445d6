"""Training the models Palmyra ships, from data in the repository, by one command each.

``palmyra train events`` fits the event-sentence classifier (``event_model``) on the
gold corpus's dev split and the recall set's dev and training files; the test splits are
never read.
"""
