# never outside the namespace's own UTS namespace: the host's name must not change
[ "$(readlink /proc/self/ns/uts)" != "$(readlink /proc/1/ns/uts)" ] || { echo "not in a UTS namespace of its own" >&2; exit 1; }
hostname myhost
domainname nis.old
ip link set lo up
# -F files: the same bytes on every build; readable by nobody, except "secret"
mkdir -p /tmp/nts-hostname-file
chmod 755 /tmp/nts-hostname-file
printf '%b' 'filehost\n' > /tmp/nts-hostname-file/plain
printf '%b' '# a comment\n\n#another\nfromfile\nsecond\n' > /tmp/nts-hostname-file/comments
printf '%b' '  fromfile  \n' > /tmp/nts-hostname-file/spaces
printf '%b' '# one\n\n# two\n' > /tmp/nts-hostname-file/only-comments
printf '%b' '# one\n\n' > /tmp/nts-hostname-file/comment-then-blank
printf '%b' '' > /tmp/nts-hostname-file/empty
printf '%b' 'nonl' > /tmp/nts-hostname-file/nonl
printf '%b' 'crlf.example\r\n' > /tmp/nts-hostname-file/crlf
printf '%b' ' \nlater\n' > /tmp/nts-hostname-file/space-line
printf '%b' '\t#x\n' > /tmp/nts-hostname-file/tab-hash
printf '%b' 'ab\0000cd\n' > /tmp/nts-hostname-file/nul
printf '%b' 'bad..name\n' > /tmp/nts-hostname-file/invalid
printf '%b' 'ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\n' > /tmp/nts-hostname-file/long
printf '%b' 'file.example.org\n' > /tmp/nts-hostname-file/dotted
printf '%b' 'host#1\n' > /tmp/nts-hostname-file/hash-inside
printf '%b' '\n\n\nafterblank\n' > /tmp/nts-hostname-file/blank-lines
printf 'secret\n' > /tmp/nts-hostname-file/secret
chmod 600 /tmp/nts-hostname-file/secret
chmod 644 /tmp/nts-hostname-file/plain /tmp/nts-hostname-file/comments /tmp/nts-hostname-file/spaces /tmp/nts-hostname-file/only-comments /tmp/nts-hostname-file/comment-then-blank /tmp/nts-hostname-file/empty /tmp/nts-hostname-file/nonl /tmp/nts-hostname-file/crlf /tmp/nts-hostname-file/space-line /tmp/nts-hostname-file/tab-hash /tmp/nts-hostname-file/nul /tmp/nts-hostname-file/invalid /tmp/nts-hostname-file/long /tmp/nts-hostname-file/dotted /tmp/nts-hostname-file/hash-inside /tmp/nts-hostname-file/blank-lines
