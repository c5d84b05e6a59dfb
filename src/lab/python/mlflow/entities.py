"""Read-only views of the tracking store, shaped like MLflow's entities."""


class _View:
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if not k.startswith("_"))
        return f"<{type(self).__name__}: {inner}>"


class Experiment(_View):
    pass


class RunInfo(_View):
    pass


class RunData(_View):
    pass


class Run(_View):
    pass


class Metric(_View):
    pass


class ModelVersion(_View):
    pass


class RegisteredModel(_View):
    pass


class ModelInfo(_View):
    pass


class FileInfo(_View):
    pass


class ActiveRun:
    """What `mlflow.start_run()` returns; a context manager that ends the run."""

    def __init__(self, run):
        self._run = run
        self.info = run.info
        self.data = run.data

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        from . import end_run  # late import: the fluent API owns the active-run stack

        end_run("FINISHED" if exc_type is None else "FAILED")
        return False

    def __repr__(self):
        return f"<ActiveRun: run_id={self.info.run_id!r}, run_name={self.info.run_name!r}>"
