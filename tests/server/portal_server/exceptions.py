"""The seed guide's custom exception handler, enabled by PORTAL_SERVER_ERROR_ENVELOPE=1."""
from rest_framework.views import exception_handler


def envelope_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        response.data = {
            "error": True,
            "message": "An error occurred",
            "details": response.data,
            "status_code": response.status_code,
        }
    return response
