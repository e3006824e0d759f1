#!/usr/bin/env python3
"""A loopback SMTP server for the e-mail tests and the outbox benchmark (aiosmtpd).

Each message received is saved in FOLDER as NNNNNN.eml (as received) and NNNNNN.json (read
with Python's `email` package: envelope, Message-ID, In-Reply-To, References, decoded subject, From/To/Cc, the plain
text body and each attachment's name, type and content in base64). Prints "READY <port>"
once it accepts connections and runs until it is terminated.

  --user LOGIN --password SECRET   require AUTH (PLAIN or LOGIN) with these credentials
  --cert PEM --key PEM             offer STARTTLS and require it before AUTH and MAIL
  --drop-first N                   drop the connection on the first N messages, after their
                                   content was sent and before answering (nothing saved)
  --no-parse                       save only the .eml (the benchmark)
"""
import argparse
import base64
import itertools
import json
import logging
import os
import signal
import ssl
import sys
import threading
import warnings
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, folder, drop_first, parse):
        self.folder = folder
        self.drop_left = drop_first
        self.parse = parse
        self.lock = threading.Lock()
        existing = [int(name[:6]) for name in os.listdir(folder) if name.endswith(".eml")]
        self.numbers = itertools.count(max(existing, default=0) + 1)

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            drop = self.drop_left > 0
            if drop:
                self.drop_left -= 1
            number = next(self.numbers)
        if drop:
            server.transport.abort()
            return "421 connection dropped by the test server"
        raw = envelope.original_content or envelope.content
        self.save(f"{number:06d}.eml", raw)
        if self.parse:
            record = describe(raw)
            record["mail_from"] = envelope.mail_from
            record["rcpt_tos"] = envelope.rcpt_tos
            self.save(f"{number:06d}.json", json.dumps(record, ensure_ascii=False).encode())
        return "250 OK saved"

    def save(self, name, data):
        temporary = os.path.join(self.folder, "." + name)
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, os.path.join(self.folder, name))


def describe(raw):
    message = BytesParser(policy=policy.default).parsebytes(raw)

    def addresses(header):
        value = message[header]
        return [address.addr_spec for address in value.addresses] if value else []

    body = message.get_body(preferencelist=("plain",))
    return {
        "message_id": message["Message-ID"],
        "in_reply_to": message["In-Reply-To"],
        "references": message["References"],
        "date": message["Date"],
        "subject": str(message["Subject"]),
        "from": addresses("From"),
        "to": addresses("To"),
        "cc": addresses("Cc"),
        "body": body.get_content() if body else None,
        "attachments": [
            {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "base64": base64.b64encode(part.get_payload(decode=True)).decode(),
            }
            for part in message.iter_attachments()
        ],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--drop-first", type=int, default=0)
    parser.add_argument("--no-parse", action="store_true")
    args = parser.parse_args()
    # aiosmtpd warns of AUTH without TLS and deprecations: expected in a loopback test server.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

    options = {}
    if args.user:
        expected = (args.user.encode(), (args.password or "").encode())

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == expected
            return AuthResult(success=ok, handled=False)

        options.update(authenticator=authenticator, auth_required=True)
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        options.update(tls_context=context, require_starttls=True)
    else:
        options.update(auth_require_tls=False)

    handler = Handler(args.folder, args.drop_first, not args.no_parse)
    controller = Controller(
        handler, hostname="127.0.0.1", port=args.port, data_size_limit=60 * 1024 * 1024, **options
    )
    controller.start()
    print(f"READY {args.port}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    sys.exit(main())
