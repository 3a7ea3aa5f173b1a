"""Traffic on lo that moves the SNMP counters and then stops: TCP data closed by RST (no
TIME_WAIT to expire later), a refused TCP connection, UDP and UDPv6 to closed ports (ICMP
unreachables), ICMP and ICMPv6 echoes."""
import socket
import struct
import time

linger0 = struct.pack('ii', 1, 0)
for fam, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
    l = socket.socket(fam, socket.SOCK_STREAM)
    l.bind((host, 7000))
    l.listen(1)
    c = socket.create_connection((host, 7000))
    a, _ = l.accept()
    c.sendall(b'x' * 3000)
    got = 0
    while got < 3000:
        got += len(a.recv(4096))
    a.sendall(b'y' * 100)
    c.recv(100)
    for s in (c, a, l):
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger0)
        s.close()
    try:
        socket.create_connection((host, 7001))
    except ConnectionRefusedError:
        pass
    u = socket.socket(fam, socket.SOCK_DGRAM)
    for _ in range(3):
        u.sendto(b'z', (host, 9))
    u.close()

r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
r.sendto(bytes([8, 0, 0xf7, 0xfe, 0, 1, 0, 0]), ('127.0.0.1', 0))
r6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
r6.sendto(bytes([128, 0, 0, 0, 0, 1, 0, 1]), ('::1', 0))
time.sleep(0.5)
