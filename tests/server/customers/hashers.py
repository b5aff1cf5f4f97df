from django.contrib.auth.hashers import PBKDF2PasswordHasher


class FastPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """PBKDF2 with few iterations: logins and seeding stay fast on a test server."""

    iterations = 1000
