# net-tools-shim: build, install, uninstall, Debian package and the offline checks.
#
#   make                          build dist/ (code and man pages) with npm run build
#   make install                  install under PREFIX (default /usr/local), staged under DESTDIR
#   make install NAMES=prefixed   install nts-ifconfig, nts-arp, ... beside the originals
#   make uninstall                remove what make install put there (same variables)
#   make deb                      build a .deb with dpkg-deb (prefixed names; NAMES=plain for
#                                 the real names, with Conflicts/Replaces: net-tools)
#   make check                    the offline test suite: no root, network or namespaces
#
# Needs node (>= 20.19) and npm with the dependencies installed (npm ci).

PACKAGE := net-tools-shim
NODE_BIN ?= node
NPM ?= npm
VERSION := $(shell $(NODE_BIN) -p "require('./package.json').version")

# Where: DESTDIR stages the whole tree (BASEDIR is net-tools' name for it).
BASEDIR ?=
DESTDIR ?= $(BASEDIR)
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
SBINDIR ?= $(PREFIX)/sbin
LIBDIR ?= $(PREFIX)/lib
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/$(PACKAGE)
PKGLIBDIR = $(LIBDIR)/$(PACKAGE)

# Names: plain (ifconfig, ...) or prefixed (nts-ifconfig, ...). HOSTNAME_NAMES does the same
# for hostname and its aliases alone (the Debian package keeps those prefixed).
NAMES ?= plain
HOSTNAME_NAMES ?= $(NAMES)
# The launchers' interpreter line.
NODE ?= /usr/bin/env node
# ... with --preserve-symlinks-main when NODE is Node's absolute path (one word): Node then
# does not resolve the launcher's symlinks in JavaScript before running it (about 0.3 ms); the
# launcher asks libc's realpath itself (tools/launcher.in). The kernel passes a `#!` line one
# argument, which `/usr/bin/env node` already takes.
SHEBANG = $(NODE)$(if $(and $(filter /%,$(NODE)),$(filter 1,$(words $(NODE)))), --preserve-symlinks-main)
# BUILD=no installs what dist/ holds without running the build first.
BUILD ?= yes
# FORCE=yes lets install replace commands that are not net-tools-shim's.
FORCE ?= no

ifeq ($(filter plain prefixed,$(NAMES)),)
$(error NAMES is plain or prefixed, not '$(NAMES)')
endif
ifeq ($(filter plain prefixed,$(HOSTNAME_NAMES)),)
$(error HOSTNAME_NAMES is plain or prefixed, not '$(HOSTNAME_NAMES)')
endif
P := $(if $(filter prefixed,$(NAMES)),nts-,)
HP := $(if $(filter prefixed,$(HOSTNAME_NAMES)),nts-,)

SBIN_COMMANDS := ifconfig arp route
BIN_COMMANDS := netstat
HOSTNAME_LINKS := domainname dnsdomainname nisdomainname ypdomainname
MAN8 := ifconfig arp route netstat

# The code as the launchers find it: relative to their own directory, as installed (no DESTDIR).
SBIN_REL = $(shell realpath -m --relative-to='$(SBINDIR)' '$(PKGLIBDIR)')
BIN_REL = $(shell realpath -m --relative-to='$(BINDIR)' '$(PKGLIBDIR)')

STAMP := dist/.build-stamp
SOURCES := $(shell find src compat tools -name '*.ts' 2>/dev/null) $(wildcard man/*.md) \
	tsconfig.json package.json

# What a launcher file holds, to tell ours from others' files.
MARK := launcher of net-tools-shim

# Debian package
DEB_NAMES ?= $(if $(filter command line environment,$(origin NAMES)),$(NAMES),prefixed)
DEB_ARCH ?= $(shell dpkg --print-architecture 2>/dev/null)
DEB_VERSION := $(subst -,~,$(VERSION))
DEBDIR ?= build/deb
DEB_OUT ?= build
DEB_COMPRESS ?= xz
DEB_FILE = $(DEB_OUT)/$(PACKAGE)_$(DEB_VERSION)_$(DEB_ARCH).deb

.PHONY: all build install install-check uninstall deb check clean

all: $(STAMP)

$(STAMP): $(SOURCES)
	$(NPM) run build
	@touch $@

build:
	$(NPM) run build
	@touch $(STAMP)

# what install needs from the build, whether it just ran or not
built: $(if $(filter no,$(BUILD)),,all)
	@test -f dist/src/launch.js || { echo "make: dist/ is not built: run make (or npm run build)" >&2; exit 1; }
	@for m in $(MAN8:%=dist/man/%.8) dist/man/hostname.1; do \
	  test -f $$m || { echo "make: $$m is missing: run make (or npm run build)" >&2; exit 1; }; \
	done
	@test -d node_modules/koffi || { echo "make: node_modules/koffi is missing: run npm ci" >&2; exit 1; }

.PHONY: built

# Refuse to overwrite a command that is not ours (a package's file) unless FORCE=yes.
install-check:
	@if [ "$(FORCE)" != yes ]; then \
	  for f in $(SBIN_COMMANDS:%='$(DESTDIR)$(SBINDIR)/$(P)%') $(BIN_COMMANDS:%='$(DESTDIR)$(BINDIR)/$(P)%') \
	           '$(DESTDIR)$(BINDIR)/$(HP)hostname' $(HOSTNAME_LINKS:%='$(DESTDIR)$(BINDIR)/$(HP)%'); do \
	    if [ -L "$$f" ] && [ "$$(readlink "$$f")" = '$(HP)hostname' ]; then continue; fi; \
	    if [ -e "$$f" ] || [ -L "$$f" ]; then \
	      if [ -L "$$f" ] || ! grep -q '$(MARK)' "$$f"; then \
	        echo "make: $$f exists and is not net-tools-shim's: remove what installed it," >&2; \
	        echo "      or install with NAMES=prefixed, or replace it with FORCE=yes" >&2; \
	        exit 1; \
	      fi; \
	    fi; \
	  done; \
	fi

install: built install-check
	@set -e; \
	deps=$$($(NODE_BIN) tools/runtime-deps.mjs) || exit 1; \
	lib='$(DESTDIR)$(PKGLIBDIR)'; \
	echo "install: code in $$lib"; \
	rm -rf "$$lib"; \
	install -d "$$lib/dist" "$$lib/node_modules"; \
	cp -R dist/src dist/compat dist/bundle "$$lib/dist/"; \
	install -m 644 package.json LICENSE "$$lib/"; \
	for rel in $$deps; do \
	  install -d "$$lib/$$(dirname "$$rel")"; \
	  cp -R "$$rel" "$$lib/$$rel"; \
	done; \
	chmod -R u=rwX,go=rX "$$lib"; \
	install -d '$(DESTDIR)$(SBINDIR)' '$(DESTDIR)$(BINDIR)'; \
	for c in $(SBIN_COMMANDS); do \
	  f='$(DESTDIR)$(SBINDIR)/$(P)'$$c; echo "install: $$f"; rm -f "$$f"; \
	  sed -e 's|@NODE@|$(SHEBANG)|' -e "s|@COMMAND@|$$c|g" -e 's|@PKGREL@|$(SBIN_REL)|g' tools/launcher.in > "$$f"; \
	  chmod 755 "$$f"; \
	done; \
	for c in $(BIN_COMMANDS); do \
	  f='$(DESTDIR)$(BINDIR)/$(P)'$$c; echo "install: $$f"; rm -f "$$f"; \
	  sed -e 's|@NODE@|$(SHEBANG)|' -e "s|@COMMAND@|$$c|g" -e 's|@PKGREL@|$(BIN_REL)|g' tools/launcher.in > "$$f"; \
	  chmod 755 "$$f"; \
	done; \
	f='$(DESTDIR)$(BINDIR)/$(HP)hostname'; echo "install: $$f"; rm -f "$$f"; \
	sed -e 's|@NODE@|$(SHEBANG)|' -e 's|@COMMAND@|hostname|g' -e 's|@PKGREL@|$(BIN_REL)|g' tools/launcher.in > "$$f"; \
	chmod 755 "$$f"; \
	for l in $(HOSTNAME_LINKS); do \
	  echo "install: $(DESTDIR)$(BINDIR)/$(HP)$$l -> $(HP)hostname"; \
	  ln -sfn '$(HP)hostname' '$(DESTDIR)$(BINDIR)/$(HP)'$$l; \
	done; \
	install -d '$(DESTDIR)$(MANDIR)/man8' '$(DESTDIR)$(MANDIR)/man1'; \
	for c in $(MAN8); do install -m 644 dist/man/$$c.8 '$(DESTDIR)$(MANDIR)/man8/$(P)'$$c.8; done; \
	install -m 644 dist/man/hostname.1 '$(DESTDIR)$(MANDIR)/man1/$(HP)hostname.1'; \
	for l in $(HOSTNAME_LINKS); do \
	  printf '.so man1/%s\n' '$(HP)hostname.1' > '$(DESTDIR)$(MANDIR)/man1/$(HP)'$$l.1; \
	  chmod 644 '$(DESTDIR)$(MANDIR)/man1/$(HP)'$$l.1; \
	done; \
	echo "install: man pages in $(DESTDIR)$(MANDIR)"; \
	install -d '$(DESTDIR)$(DOCDIR)'; \
	install -m 644 README.md '$(DESTDIR)$(DOCDIR)/README.md'; \
	install -m 644 compat/README.md '$(DESTDIR)$(DOCDIR)/compat.md'; \
	echo "install: documentation in $(DESTDIR)$(DOCDIR)"

# Removes only what is recognisably ours: launchers with the mark, links to our hostname, our
# man pages, the code directory of this package and the documentation directory.
uninstall:
	@set -e; \
	for f in $(SBIN_COMMANDS:%='$(DESTDIR)$(SBINDIR)/$(P)%') $(BIN_COMMANDS:%='$(DESTDIR)$(BINDIR)/$(P)%') \
	         '$(DESTDIR)$(BINDIR)/$(HP)hostname'; do \
	  if [ -f "$$f" ] && [ ! -L "$$f" ] && grep -q '$(MARK)' "$$f"; then echo "uninstall: $$f"; rm -f "$$f"; fi; \
	done; \
	for l in $(HOSTNAME_LINKS); do \
	  f='$(DESTDIR)$(BINDIR)/$(HP)'$$l; \
	  if [ -L "$$f" ] && [ "$$(readlink "$$f")" = '$(HP)hostname' ]; then echo "uninstall: $$f"; rm -f "$$f"; fi; \
	done; \
	for f in $(MAN8:%='$(DESTDIR)$(MANDIR)/man8/$(P)%.8') '$(DESTDIR)$(MANDIR)/man1/$(HP)hostname.1'; do \
	  if [ -f "$$f" ] && grep -q 'Generated by tools/build-man.ts' "$$f"; then echo "uninstall: $$f"; rm -f "$$f"; fi; \
	done; \
	for l in $(HOSTNAME_LINKS); do \
	  f='$(DESTDIR)$(MANDIR)/man1/$(HP)'$$l.1; \
	  if [ -f "$$f" ] && [ "$$(cat "$$f")" = '.so man1/$(HP)hostname.1' ]; then echo "uninstall: $$f"; rm -f "$$f"; fi; \
	done; \
	for f in $(foreach n,$(SBIN_COMMANDS),'$(DESTDIR)$(SBINDIR)/$(n)' '$(DESTDIR)$(SBINDIR)/nts-$(n)') \
	         $(foreach n,$(BIN_COMMANDS) hostname,'$(DESTDIR)$(BINDIR)/$(n)' '$(DESTDIR)$(BINDIR)/nts-$(n)'); do \
	  if [ -f "$$f" ] && grep -q '$(MARK)' "$$f"; then \
	    echo "uninstall: kept $(DESTDIR)$(PKGLIBDIR), which $$f still uses"; exit 0; \
	  fi; \
	done; \
	lib='$(DESTDIR)$(PKGLIBDIR)'; \
	if [ -f "$$lib/package.json" ] && grep -q '"name": "$(PACKAGE)"' "$$lib/package.json"; then \
	  echo "uninstall: $$lib"; rm -rf "$$lib"; \
	fi; \
	for f in README.md compat.md; do rm -f '$(DESTDIR)$(DOCDIR)'/$$f; done; \
	rmdir '$(DESTDIR)$(DOCDIR)' 2>/dev/null || true

# The Debian package: the tree of make install under /usr, with the distribution's node.
deb: built
	@command -v dpkg-deb >/dev/null || { echo "make: dpkg-deb is missing (package dpkg)" >&2; exit 1; }
	@test -n '$(DEB_ARCH)' || { echo "make: set DEB_ARCH (dpkg --print-architecture failed)" >&2; exit 1; }
	@set -e; \
	root='$(abspath $(DEBDIR))/root'; \
	rm -rf "$$root"; \
	$(MAKE) --no-print-directory install DESTDIR="$$root" PREFIX=/usr NAMES=$(DEB_NAMES) HOSTNAME_NAMES=prefixed \
	  NODE=/usr/bin/node DOCDIR=/usr/share/doc/$(PACKAGE) BUILD=no FORCE=no >/dev/null; \
	find "$$root/usr/share/man" -type f -exec gzip -9n {} +; \
	install -m 644 tools/deb/copyright "$$root/usr/share/doc/$(PACKAGE)/copyright"; \
	install -d "$$root/DEBIAN"; \
	size=$$(du -sk "$$root" | cut -f1); \
	if [ '$(DEB_NAMES)' = plain ]; then keep=PLAIN; drop=PREFIXED; else keep=PREFIXED; drop=PLAIN; fi; \
	sed -e "/^@$$drop@/d" -e "s/^@$$keep@//" -e 's/@VERSION@/$(DEB_VERSION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
	  -e "s/@SIZE@/$$size/" tools/deb/control.in > "$$root/DEBIAN/control"; \
	mkdir -p '$(DEB_OUT)'; \
	dpkg-deb --root-owner-group -Z$(DEB_COMPRESS) --build "$$root" '$(DEB_FILE)' >/dev/null; \
	rm -rf "$$root"; \
	echo "deb: $(DEB_FILE)"

# The offline suite (the live differential tests, which need root and namespaces, are left out).
check:
	$(NPM) test -- --exclude 'test/live/**'

clean:
	rm -rf dist build
