"""subprocess: child processes with pipes. _subprocess.spawn starts the
child; the pipes are os.pipe() descriptors wrapped in files, and waiting
is os.waitpid with the GIL released."""

import io
import os
import select
import time

import _subprocess

__all__ = ("Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output", "run",
           "getstatusoutput", "getoutput", "CalledProcessError", "TimeoutExpired",
           "SubprocessError", "CompletedProcess")

PIPE = -1
STDOUT = -2
DEVNULL = -3

# How much communicate() reads at once.
_CHUNK = 32768


class SubprocessError(Exception):
    pass


def _signal_name(signum):
    try:
        import signal
        return repr(signal.Signals(signum))
    except (ImportError, ValueError):
        return f"unknown signal {signum}"


class CalledProcessError(SubprocessError):
    """run(check=True) or check_call() saw a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            return f"Command '{self.cmd}' died with {_signal_name(-self.returncode)}."
        return f"Command '{self.cmd}' returned non-zero exit status {self.returncode}."

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """The child did not finish within the timeout."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return f"Command '{self.cmd}' timed out after {self.timeout} seconds"

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = [f"args={self.args!r}", f"returncode={self.returncode!r}"]
        if self.stdout is not None:
            parts.append(f"stdout={self.stdout!r}")
        if self.stderr is not None:
            parts.append(f"stderr={self.stderr!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _translate(data, encoding, errors):
    text = data.decode(encoding or "utf-8", errors or "strict")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(),
                 *, user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        unsupported = {"preexec_fn": preexec_fn is not None, "pass_fds": bool(pass_fds),
                       "user": user is not None, "group": group is not None,
                       "extra_groups": extra_groups is not None, "umask": umask != -1,
                       "process_group": process_group is not None}
        for name, given in unsupported.items():
            if given:
                raise NotImplementedError(f"{name} is not supported")
        if text is not None and universal_newlines is not None and bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text and universal_newlines are supplied "
                                  "but different. Pass one or the other.")
        self.args = args
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.stdin = self.stdout = self.stderr = None
        self._communication = None     # communicate()'s progress, kept across a timeout

        if shell:
            argv = ["/bin/sh", "-c", args] if isinstance(args, (str, bytes)) else ["/bin/sh", "-c", *args]
            if executable is not None:
                argv[0] = executable
            executable = None
        elif isinstance(args, (str, bytes, os.PathLike)):
            argv = [args]
        else:
            argv = list(args)

        parent_ends = []        # (attribute, fd, mode) of our side of each pipe
        child_ends = []         # descriptors to close once the child has them
        devnull = None

        def child_fd(spec, name, mode):
            nonlocal devnull
            if spec is None:
                return -1
            if spec == PIPE:
                r, w = os.pipe()
                ours, theirs = (w, r) if mode == "w" else (r, w)
                parent_ends.append((name, ours, mode))
                child_ends.append(theirs)
                return theirs
            if spec == DEVNULL:
                if devnull is None:
                    devnull = io.open(os.devnull, "r+b", buffering=0)
                return devnull.fileno()
            if isinstance(spec, int):
                return spec
            return spec.fileno()

        try:
            in_fd = child_fd(stdin, "stdin", "w")
            out_fd = child_fd(stdout, "stdout", "r")
            if stderr == STDOUT:
                err_fd = out_fd if out_fd != -1 else 1
            else:
                err_fd = child_fd(stderr, "stderr", "r")
            env_list = None if env is None else [(k, v) for k, v in env.items()]
            self.pid = _subprocess.spawn(argv, executable, cwd, env_list, in_fd, out_fd, err_fd,
                                         start_new_session)
        except BaseException:
            for _, fd, _ in parent_ends:
                os.close(fd)
            raise
        finally:
            for fd in child_ends:
                os.close(fd)
            if devnull is not None:
                devnull.close()
        for name, fd, mode in parent_ends:
            setattr(self, name, self._wrap(fd, mode, bufsize))

    def _wrap(self, fd, mode, bufsize):
        if self.text_mode:
            return io.open(fd, mode, buffering=bufsize if bufsize != 0 else -1,
                           encoding=self.encoding, errors=self.errors)
        return io.open(fd, mode + "b", buffering=bufsize)

    def __repr__(self):
        text = f"<{type(self).__name__}: returncode: {self.returncode} args: {self.args!r}>"
        if len(text) > 80:
            text = text[:76] + "...>"
        return text

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f is not None:
                f.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        finally:
            self.wait()

    # -- waiting --

    def _status(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def poll(self):
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self._status(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            _, status = os.waitpid(self.pid, 0)
            return self._status(status)
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)
        return self.returncode

    def send_signal(self, sig):
        if self.returncode is None:
            self.poll()
        if self.returncode is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(15)

    def kill(self):
        self.send_signal(9)

    # -- communicating --

    def communicate(self, input=None, timeout=None):
        """Writes `input`, reads stdout and stderr to their ends, waits for
        the child; (stdout, stderr), None for a stream not piped. After a
        TimeoutExpired, calling again resumes where the first call stopped."""
        deadline = None if timeout is None else time.monotonic() + timeout
        state = self._communication
        if state is None:
            if input is not None and self.stdin is None:
                raise ValueError("Cannot send input after starting communication")
            state = self._start_communication(input)
        pending, writer, readers, chunks = state
        while readers or writer is not None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            r, w = select._ready_fds(list(readers), [] if writer is None else [writer], left)
            if not r and not w:
                self._communication = (pending, writer, readers, chunks)
                raise TimeoutExpired(self.args, timeout)
            if w:
                try:
                    sent = os.write(writer, pending[:_CHUNK])
                except BrokenPipeError:
                    sent = len(pending)
                del pending[:sent]
                if not pending:
                    self.stdin.close()
                    writer = None
            for fd in r:
                data = os.read(fd, _CHUNK)
                if data:
                    chunks[readers[fd]].append(data)
                else:
                    getattr(self, readers.pop(fd)).close()
        self._communication = (pending, writer, readers, chunks)
        out = self._collected(chunks, "stdout")
        err = self._collected(chunks, "stderr")
        self.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return out, err

    def _start_communication(self, input):
        """(bytes to write, stdin's descriptor or None, {fd: stream name}, {stream name: chunks})."""
        if self.stdin is not None:
            self.stdin.flush()
        pending = bytearray(self._encode(input) if input is not None else b"")
        writer = None
        if self.stdin is not None:
            writer = self.stdin.fileno()
            if not pending:
                self.stdin.close()
                writer = None
        readers = {}
        chunks = {}
        for name in ("stdout", "stderr"):
            f = getattr(self, name)
            if f is not None:
                readers[f.fileno()] = name
                chunks[name] = []
        return pending, writer, readers, chunks

    def _encode(self, input):
        if self.text_mode:
            return input.encode(self.encoding or "utf-8", self.errors or "strict")
        return bytes(input)

    def _collected(self, chunks, name):
        if name not in chunks:
            return None
        data = b"".join(chunks[name])
        return _translate(data, self.encoding, self.errors) if self.text_mode else data


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        text = (kwargs.get("universal_newlines") or kwargs.get("text") or kwargs.get("encoding")
                or kwargs.get("errors"))
        kwargs["input"] = "" if text else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
