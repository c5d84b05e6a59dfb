"""Exceptions raised by the lab's MLflow, with MLflow's error codes and messages."""

INVALID_PARAMETER_VALUE = "INVALID_PARAMETER_VALUE"
RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST"
RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS"
INTERNAL_ERROR = "INTERNAL_ERROR"


class MlflowException(Exception):
    def __init__(self, message, error_code=INTERNAL_ERROR):
        super().__init__(message)
        self.message = str(message)
        self.error_code = error_code

    @classmethod
    def invalid_parameter_value(cls, message):
        return cls(message, error_code=INVALID_PARAMETER_VALUE)
