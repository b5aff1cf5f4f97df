"""The e-mail backend of the reference server: a file per message, for tests to read."""
import itertools
import os
import time

from django.core.mail.backends.filebased import EmailBackend


class OneFilePerMessageBackend(EmailBackend):
    """Django's file backend (EMAIL_FILE_PATH), but every message gets a file of its own.

    Django's backend names a file after the time in seconds and the backend object's id(), and
    appends to it, so two messages can share a file. Here each message is written to a file named
    <time in ns>-<pid>-<n>.eml (sorting the names sorts the messages, oldest first), through a
    temporary name, so a reader never sees half a message.
    """

    _counter = itertools.count()

    def send_messages(self, email_messages):
        for message in email_messages:
            name = "%020d-%d-%d" % (time.time_ns(), os.getpid(), next(self._counter))
            path = os.path.join(self.file_path, name)
            with open(path + ".tmp", "xb") as file:
                file.write(message.message().as_bytes())
            os.replace(path + ".tmp", path + ".eml")
        return len(email_messages)
