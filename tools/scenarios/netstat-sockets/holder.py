"""Holds the sockets of the netstat-sockets scenario while the original and ours list them.

Run by setup.sh inside the namespace (root): builds every socket, then writes READY and sleeps.
Everything is deterministic but the ephemeral ports, which both tools see alike.
"""
import os
import socket
import struct
import subprocess
import sys
import time

ready, d = sys.argv[1], sys.argv[2]
keep = []


def tcp_listen(fam, addr, port, backlog=5, v6only=None):
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if v6only is not None:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, v6only)
    s.bind((addr, port))
    s.listen(backlog)
    keep.append(s)
    return s


def tcp_connect(fam, dst, src=None):
    c = socket.socket(fam, socket.SOCK_STREAM)
    if src:
        c.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        c.bind(src)
    c.connect(dst)
    keep.append(c)
    return c


def accept(l):
    a, _ = l.accept()
    keep.append(a)
    return a


# TCP listeners on wildcard and specific addresses
tcp_listen(socket.AF_INET, '0.0.0.0', 22)
l7777 = tcp_listen(socket.AF_INET, '127.0.0.1', 7777)
l5000 = tcp_listen(socket.AF_INET, '10.1.0.1', 5000)
l80 = tcp_listen(socket.AF_INET6, '::', 80, v6only=0)
l8080 = tcp_listen(socket.AF_INET6, '::1', 8080, v6only=1)
l54321 = tcp_listen(socket.AF_INET6, '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1', 54321, v6only=1)
tcp_listen(socket.AF_INET6, '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1', 22, v6only=1)
l6000 = tcp_listen(socket.AF_INET, '127.0.0.1', 6000)

# an established pair, the accepted side with 5 unread bytes
c = tcp_connect(socket.AF_INET, ('127.0.0.1', 7777))
a = accept(l7777)
c.sendall(b'hello')

# a connection nobody accepts: the listener's Recv-Q is 1, the child has no inode
tcp_connect(socket.AF_INET, ('10.1.0.1', 5000), ('10.1.0.2', 40000))

# IPv6, and IPv4 through a dual-stack IPv6 listener (v4-mapped addresses)
tcp_connect(socket.AF_INET6, ('::1', 8080))
accept(l8080)
tcp_connect(socket.AF_INET, ('127.0.0.1', 80), ('127.0.0.1', 40080))
accept(l80)
tcp_connect(socket.AF_INET6, ('2001:db8:aaaa:bbbb:cccc:dddd:eeee:1', 54321),
            ('2001:db8:aaaa:bbbb:cccc:dddd:eeee:1', 33333))
accept(l54321)

# FIN_WAIT2 on the side that shut down, CLOSE_WAIT on the other
c = tcp_connect(socket.AF_INET, ('127.0.0.1', 6000))
a = accept(l6000)
a.shutdown(socket.SHUT_WR)

# FIN_WAIT1 and LAST_ACK: a FIN queued behind data the peer's zero window holds back (the
# peers never read; shutdown() keeps the sockets, so they probe the window for ever)
def fill(sock):
    sock.setblocking(False)
    try:
        while True:
            sock.send(b'q' * 65536)
    except BlockingIOError:
        pass


l6100 = tcp_listen(socket.AF_INET, '127.0.0.1', 6100)
c = tcp_connect(socket.AF_INET, ('127.0.0.1', 6100))
a = accept(l6100)
fill(c)
time.sleep(0.2)
fill(c)
c.shutdown(socket.SHUT_WR)  # c: FIN_WAIT1
l6200 = tcp_listen(socket.AF_INET, '127.0.0.1', 6200)
c = tcp_connect(socket.AF_INET, ('127.0.0.1', 6200))
a = accept(l6200)
fill(a)
time.sleep(0.2)
fill(a)
c.shutdown(socket.SHUT_WR)  # a: CLOSE_WAIT, c: FIN_WAIT2
time.sleep(0.1)
a.shutdown(socket.SHUT_WR)  # a: LAST_ACK

# SYN_SENT towards a blackhole (setup.sh raises tcp_syn_retries)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setblocking(False)
try:
    s.connect(('10.9.9.9', 443))
except BlockingIOError:
    pass
keep.append(s)

# UDP: bound with queued datagrams, connected, IPv6
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('0.0.0.0', 5353))
keep.append(u)
uc = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
uc.bind(('127.0.0.1', 40001))
uc.connect(('127.0.0.1', 5353))
keep.append(uc)
for _ in range(3):
    uc.send(b'x' * 100)
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
u6.bind(('::1', 123))
keep.append(u6)
uw = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
uw.bind(('10.1.0.1', 65000))
keep.append(uw)

# UDP-Lite, IPv4 and IPv6
for fam, addr in ((socket.AF_INET, '0.0.0.0'), (socket.AF_INET6, '::')):
    ul = socket.socket(fam, socket.SOCK_DGRAM, 136)
    if fam == socket.AF_INET6:
        ul.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    ul.bind((addr, 9999))
    keep.append(ul)

# raw ICMP that received its own echo request and the reply; raw ICMPv6 that filters everything out
r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
# ICMP_FILTER: only echo requests and replies (the failing DNS look-ups of the tools under test
# bring port unreachables that would otherwise pile up here)
r.setsockopt(255, 1, (0xffffffff & ~((1 << 0) | (1 << 8))).to_bytes(4, 'little'))
r.sendto(bytes([8, 0, 0xf7, 0xfe, 0, 1, 0, 0]), ('127.0.0.1', 0))
keep.append(r)
r6 = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
r6.setsockopt(socket.IPPROTO_ICMPV6, 1, b'\xff' * 32)  # ICMP6_FILTER: block all
keep.append(r6)

# UNIX: a path listener with an accepted connection, DGRAM server with two connected
# clients, a path with a space, abstract names, socket pairs, SEQPACKET, an unbound socket
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(os.path.join(d, 'srv.sock'))
srv.listen(5)
keep.append(srv)
cl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cl.connect(os.path.join(d, 'srv.sock'))
keep.append(cl)
accept(srv)
dg = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
dg.bind(os.path.join(d, 'dg.sock'))
keep.append(dg)
for _ in range(2):
    x = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    x.connect(os.path.join(d, 'dg.sock'))
    keep.append(x)
sp = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sp.bind(os.path.join(d, 'with space.sock'))
keep.append(sp)
ab = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
ab.bind('\0abstract-name')
ab.listen(1)
keep.append(ab)
ab2 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
ab2.bind(b'\0ab\0cd')
keep.append(ab2)
keep.extend(socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM))
keep.extend(socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM))
seq = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
seq.bind(os.path.join(d, 'seq.sock'))
seq.listen(1)
keep.append(seq)
sc = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
sc.connect(os.path.join(d, 'seq.sock'))
keep.append(sc)
accept(seq)
keep.append(socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM))

# -p: a second process with an absolute, long argv[0] holding a listener of its own and an
# inherited one (the first process /proc lists keeps a shared socket)
own = tcp_listen(socket.AF_INET, '0.0.0.0', 2222)
child = subprocess.Popen(
    ['/usr/local/bin/averyveryverylongprogramname', '-c', 'import time; time.sleep(900)'],
    executable=sys.executable, pass_fds=[own.fileno(), srv.fileno()],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
own.close()
keep.remove(own)

# a request socket (SYN_RECV, no inode) under a listener of another user: a SYN from a peer
# that never answers (10.1.0.77), put on the wire of v1 towards v0; setup.sh keeps the SYN-ACK
# retransmitting for ever
nobody = subprocess.Popen(
    ['/usr/bin/python3', '-c',
     'import socket, sys, time\n'
     's = socket.socket(); s.bind(("10.1.0.1", 7201)); s.listen(5)\n'
     'print("ok", flush=True); time.sleep(900)'],
    user=65534, group=65534, extra_groups=[], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
    stderr=subprocess.DEVNULL)
nobody.stdout.readline()


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    s = (s >> 16) + (s & 0xffff)
    s += s >> 16
    return ~s & 0xffff


src, dst = socket.inet_aton('10.1.0.77'), socket.inet_aton('10.1.0.1')
tcp = struct.pack('!HHIIBBHHH', 41000, 7201, 12345, 0, 5 << 4, 0x02, 65535, 0, 0)
tcp = tcp[:16] + struct.pack('!H', csum(src + dst + struct.pack('!BBH', 0, 6, len(tcp)) + tcp)) + tcp[18:]
iph = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0, 64, 6, 0, src, dst)
iph = iph[:10] + struct.pack('!H', csum(iph)) + iph[12:]
eth = bytes.fromhex('020000000001') + bytes.fromhex('020000000077') + b'\x08\x00'
pk = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
pk.bind(('v1', 0))
for _ in range(50):
    # the first SYN after the links came up is sometimes dropped (ListenDrops): send until the
    # request socket (state 03 on port 1C21) is there
    pk.send(eth + iph + tcp)
    time.sleep(0.1)
    with open('/proc/net/tcp') as f:
        if any(l.split()[1].endswith(':1C21') and l.split()[3] == '03' for l in f.readlines()[1:]):
            break
pk.close()

time.sleep(0.5)
with open(ready, 'w') as f:
    f.write('ready\n')
time.sleep(900)
