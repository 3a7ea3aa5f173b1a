"""Multicast memberships: 239.1.2.3 joined by two sockets (users 2), 239.9.9.9 by one, and
ff15::1234 on v0; held until the namespace goes."""
import socket
import struct
import sys
import time

ready, ifindex = sys.argv[1], int(sys.argv[2])
keep = []
for group in ('239.1.2.3', '239.1.2.3', '239.9.9.9'):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    mreq = socket.inet_aton(group) + socket.inet_aton('10.1.0.1')
    s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    keep.append(s)
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP,
              socket.inet_pton(socket.AF_INET6, 'ff15::1234') + struct.pack('@I', ifindex))
keep.append(s6)
with open(ready, 'w') as f:
    f.write('ready\n')
time.sleep(900)
