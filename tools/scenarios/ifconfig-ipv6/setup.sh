# IPv6 scopes and glibc's text forms: v4-compatible, v4-mapped, site-local, ULA, global, ::0.1.0.2.
ip link add t_bridge address 02:00:00:00:03:01 type bridge
ip link set t_bridge up
for a in ::10.1.2.3/96 ::ffff:10.1.2.4/128 fec0::1/64 fd00::5/48 2001:db8::1/64 ::1:2/128 \
         2001:db8:0:1:1:1:1:1/64 fe80::1:0:0:0/64 2001:db8:aaaa:bbbb:cccc:dddd:eeee:1/128; do
  ip -6 addr add "$a" dev t_bridge nodad
done
ip link set lo up
