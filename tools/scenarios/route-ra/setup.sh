# Routes the kernel learns from a router advertisement (sent from v1 to v0, which accepts it):
# a default router (proto ra), an autoconfigured prefix of infinite lifetime (a SLAAC address
# that does not count down, so the namespace settles) and an on-link prefix that expires
# (RTF_ADDRCONF|RTF_PREFIX_RT prefix routes), a route information option. (A route of
# protocol "ra" that a daemon adds over netlink has no RTF_ADDRCONF; ours cannot tell it from
# the kernel's: compat/route.md.)
ip link set lo up
ip link add v0 address 02:00:00:00:06:31 type veth peer name v1 address 02:00:00:00:06:32
sysctl -qw net.ipv6.conf.v0.accept_ra=2 net.ipv6.conf.v0.accept_ra_rt_info_max_plen=64 net.ipv6.conf.v1.accept_ra=0
ip link set v0 up
ip link set v1 up
for i in $(seq 100); do
  [ "$(ip -6 addr show dev v1 scope link | grep -c inet6)" -ge 1 ] && break
  sleep 0.05
done
python3 - <<'PY'
import socket, struct
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, b'v1')
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
ra = struct.pack('!BBHBBHII', 134, 0, 0, 64, 0, 1800, 0, 0)
p1 = struct.pack('!BBBBIII', 3, 4, 64, 0xc0, 0xffffffff, 0xffffffff, 0) + socket.inet_pton(socket.AF_INET6, '2001:db8:200::')
p2 = struct.pack('!BBBBIII', 3, 4, 64, 0x80, 86400, 14400, 0) + socket.inet_pton(socket.AF_INET6, '2001:db8:201::')
ri = struct.pack('!BBBBI', 24, 3, 48, 0x08, 3600) + socket.inet_pton(socket.AF_INET6, '2001:db8:300::')
s.sendto(ra + p1 + p2 + ri, ('ff02::1', 0, 0, socket.if_nametoindex('v1')))
PY
for i in $(seq 100); do
  [ "$(ip -6 route show | grep -c 'proto ra')" -ge 2 ] && [ "$(ip -6 route show | grep -c '2001:db8:20')" -ge 2 ] && break
  sleep 0.05
done
