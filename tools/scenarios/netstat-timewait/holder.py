"""TIME_WAIT and orphaned FIN_WAIT2 sockets (they last 60 s: the cases run right after setup),
and the CLOSE_WAIT peers this process keeps open."""
import socket
import sys
import time

ready = sys.argv[1]
keep = []
for fam, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
    l = socket.socket(fam, socket.SOCK_STREAM)
    l.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    l.bind((host, 6001))
    l.listen(5)
    keep.append(l)
    # TIME_WAIT: the client closes first, then the server
    c = socket.create_connection((host, 6001))
    a, _ = l.accept()
    c.close()
    time.sleep(0.1)
    a.close()
    # FIN_WAIT2 without a socket (a timewait socket's substate): the server never closes
    c = socket.create_connection((host, 6001))
    a, _ = l.accept()
    keep.append(a)
    c.close()
time.sleep(0.3)
with open(ready, 'w') as f:
    f.write('ready\n')
time.sleep(300)
