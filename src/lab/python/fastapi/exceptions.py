"""fastapi.exceptions: HTTPException and the validation errors FastAPI raises."""

import http


class HTTPException(Exception):
    """starlette.exceptions.HTTPException (FastAPI's subclass adds nothing the lab needs)."""

    def __init__(self, status_code, detail=None, headers=None):
        if detail is None:
            detail = http.HTTPStatus(status_code).phrase
        self.status_code = status_code
        self.detail = detail
        self.headers = headers
        super().__init__(status_code, detail)

    def __str__(self):
        return f"{self.status_code}: {self.detail}"

    def __repr__(self):
        return f"{type(self).__name__}(status_code={self.status_code!r}, detail={self.detail!r})"


class ValidationException(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self._errors = errors

    def errors(self):
        return self._errors


class RequestValidationError(ValidationException):
    def __init__(self, errors, *, body=None):
        super().__init__(errors)
        self.body = body


class ResponseValidationError(ValidationException):
    def __init__(self, errors, *, body=None):
        super().__init__(errors)
        self.body = body

    def __str__(self):
        # fastapi/exceptions.py ResponseValidationError.__str__ (0.115)
        message = f"{len(self._errors)} validation errors:\n"
        for err in self._errors:
            message += f"  {err}\n"
        return message
