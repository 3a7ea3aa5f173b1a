/**
 * getopt, getopt_long and getopt_long_only of glibc 2.36 (Debian 12), ported as a data-driven
 * engine with no module state: every scan has its own `Getopt` object, which plays the part of
 * glibc's `struct _getopt_data` (posix/getopt_int.h) plus the `optind`, `optarg`, `optopt` and
 * `opterr` globals that `_getopt_internal` copies in and out around each call.
 *
 * Upstream: glibc posix/getopt.c (`exchange`, `process_long_option`, `_getopt_initialize`,
 * `_getopt_internal_r`, `_getopt_internal`, the `getopt` entry point) and posix/getopt1.c
 * (`getopt_long`, `getopt_long_only`), the code of the 2017 rewrite (glibc 2.26) that 2.36
 * still ships. Names below are the C names, so a grep crosses to the C.
 * test/unit/getopt.test.ts checks this port against the real glibc of Debian 12 (messages,
 * return values, optarg, optopt, longindex, optind, flags and argv's order after every call)
 * on some 7000 argument vectors recorded from a C harness.
 *
 * Strings are latin1, one char per byte, like the rest of the project (C strings: they must not
 * contain NUL). Messages are glibc's untranslated (C locale) texts.
 *
 * Use, as C does it one call at a time (the caller may stop at any point, e.g. on the first
 * '?', and has then seen exactly the stderr bytes C would have printed up to that point):
 *
 *   const g = new Getopt(argv, 'A:eCFhnN64Vv?', LONGOPTS);
 *   for (const o of g) {              // one getopt_long() call per step, until it returns -1
 *     io.stderr.write(o.message);      // what glibc printed to stderr during that call
 *     switch (o.opt) { case 'A': ... o.optarg ...; case '?': usage(); }
 *   }
 *   const rest = g.argv.slice(g.optind);   // argv as glibc leaves it (non-options moved last)
 *
 * or all at once: `getopt_long(argv, optstring, longopts)` returns every option, the final
 * optind, the permuted argv and the concatenated stderr.
 */

/** has_arg values of `struct option` (<getopt.h>). */
export const no_argument = 0;
export const required_argument = 1;
export const optional_argument = 2;
export type HasArg = typeof no_argument | typeof required_argument | typeof optional_argument;

/**
 * The `int *flag` of `struct option`: when a long option with a non-null flag is found, getopt
 * stores its val here (`*(pfound->flag) = pfound->val`) and returns 0. Flags are compared by
 * identity, like the C pointers (process_long_option's ambiguity test).
 */
export interface GetoptFlag {
  value: number;
}

/** `struct option` (<bits/getopt_ext.h>); the C table's {NULL, 0, 0, 0} terminator is omitted. */
export interface LongOption {
  readonly name: string;
  readonly has_arg: HasArg;
  /** NULL when absent */
  readonly flag?: GetoptFlag | null;
  /**
   * The C `int val`. A one-char string stands for a C character constant ('e'): it compares
   * as that char's code (a byte >= 0x80 as a `signed char` when `signedChar`), and comes back
   * as written in `GetoptResult.opt`.
   */
  readonly val: number | string;
}

export interface GetoptOptions {
  /** getopt_long_only: '-foo' is tried as a long option first. Default false. */
  readonly longOnly?: boolean;
  /**
   * Whether POSIXLY_CORRECT is set in the environment (`getenv("POSIXLY_CORRECT") != NULL`,
   * read once, by `_getopt_initialize`): REQUIRE_ORDER instead of PERMUTE. Pass
   * `env.POSIXLY_CORRECT !== undefined`; an empty value counts as set. Default false. (It is
   * also the `posixly_correct` argument of `_getopt_internal`, 1 for `__posix_getopt`.)
   */
  readonly posixlyCorrect?: boolean;
  /** The `opterr` global: false suppresses every message. Default true. */
  readonly opterr?: boolean;
  /**
   * Whether plain `char` is signed in the build we mimic: `char c = *d->__nextchar++` is
   * returned (and stored in optopt) as an int, so a byte >= 0x80 comes back negative on
   * amd64/i386 (and byte 0xFF as -1, which ends the caller's loop). Default: signed except on
   * the Linux ABIs of arm, arm64, powerpc, s390 and riscv.
   */
  readonly signedChar?: boolean;
}

/** What one call of getopt/getopt_long/getopt_long_only gave, when it did not return -1. */
export interface GetoptResult {
  /** The C return value, an int: val, the (signed) option char, 63 '?', 58 ':', 1, or 0. */
  readonly code: number;
  /**
   * The same, friendlier for a `switch`: a short option's char as a one-char string ('A'),
   * '?' or ':' for errors, a long option's `val` exactly as written in the table ('A', or 1
   * for net-tools' AFTRANS_OPTS), 0 when the option has a `flag`, the number 1 for a
   * non-option in RETURN_IN_ORDER mode ('-' optstring). So write a table's vals the way the
   * C does ('e' as 'e', 1 as 1) and `case 'e': case 1:` work as in the C switch.
   */
  readonly opt: number | string;
  /** `optarg` after the call (NULL -> null) */
  readonly optarg: string | null;
  /**
   * `optopt` after the call, an int. glibc sets it only on errors and never resets it, so it
   * keeps the value of the last error (0 before any): the option char of a bad short option,
   * the val of a long option with a bad argument, 0 for an unknown or ambiguous long option.
   */
  readonly optopt: number;
  /** what the call stored in `*longindex`: the long option's index in the table, else null */
  readonly longindex: number | null;
  /** `optind` after the call */
  readonly optind: number;
  /** the bytes glibc printed to stderr during this call ('' for none) */
  readonly message: string;
}

/** What `getopt_long` & co. return: the whole scan, as a C `while (getopt...() != -1)` loop sees it. */
export interface GetoptRun {
  /** one entry per call that did not return -1, in order */
  readonly options: GetoptResult[];
  /** `optind` once getopt returned -1: the first non-option of `argv` */
  readonly optind: number;
  /** argv as glibc left it (PERMUTE moves the non-options after the options) */
  readonly argv: string[];
  /** everything printed to stderr, in order (the concatenated messages) */
  readonly stderr: string;
}

/** enum __ord of posix/getopt_int.h */
const REQUIRE_ORDER = 0;
const PERMUTE = 1;
const RETURN_IN_ORDER = 2;
type Ordering = typeof REQUIRE_ORDER | typeof PERMUTE | typeof RETURN_IN_ORDER;

const DEFAULT_SIGNED_CHAR = !['arm', 'arm64', 'ppc', 'ppc64', 's390', 's390x', 'riscv64'].includes(
  process.arch,
);

/** strchr(s, c) != NULL for c != '\0' (no caller passes NUL). */
function strchr(s: string, c: string): number {
  return s.indexOf(c);
}

/**
 * One scan of an argument vector: the state glibc keeps between calls (`struct _getopt_data`
 * and the globals). Iterable: each step is one call, until the call that returns -1.
 */
export class Getopt implements Iterable<GetoptResult> {
  /** The vector being scanned: a copy of the caller's, permuted in place as glibc does. */
  readonly argv: string[];
  readonly optstring: string;
  readonly longopts: readonly LongOption[] | null;
  readonly long_only: boolean;
  readonly posixly_correct: boolean;
  readonly signedChar: boolean;

  /** `optind`: index in argv of the next element to scan; set it to 0 to restart the scan. */
  optind = 1;
  /** `opterr`: print messages */
  opterr: boolean;
  /** `optopt` (d->optopt; 0 in the zero-initialised static getopt_data) */
  optopt = 0;
  /** `optarg` of the last call */
  optarg: string | null = null;

  /** d->__initialized */
  private __initialized = false;
  /**
   * d->__nextchar: the rest of the element being scanned (a C pointer into it is all getopt
   * ever reads forward from); null for NULL.
   */
  private __nextchar: string | null = null;
  /** d->__ordering */
  private __ordering: Ordering = PERMUTE;
  /** d->__first_nonopt, d->__last_nonopt: the skipped non-options are [first, last) */
  private __first_nonopt = 1;
  private __last_nonopt = 1;

  /**
   * What the last call stored in `*longind` (process_long_option, on success only), else
   * null. Also set when a long option's val is -1 and the call returned -1.
   */
  longindex: number | null = null;
  /** per call: the stderr text */
  private stderr = '';
  /** the call returned 1 for a non-option (RETURN_IN_ORDER) */
  private nonoption = false;

  constructor(
    argv: readonly string[],
    optstring: string,
    longopts: readonly LongOption[] | null = null,
    opts: GetoptOptions = {},
  ) {
    this.argv = [...argv];
    this.optstring = optstring;
    this.longopts = longopts;
    this.long_only = opts.longOnly ?? false;
    this.posixly_correct = opts.posixlyCorrect ?? false;
    this.opterr = opts.opterr ?? true;
    this.signedChar = opts.signedChar ?? DEFAULT_SIGNED_CHAR;
  }

  /** A `char` as the int C sees once it is promoted. */
  private charInt(ch: string): number {
    const b = ch.charCodeAt(0) & 0xff;
    return this.signedChar && b >= 0x80 ? b - 0x100 : b;
  }

  /** pfound->val as a C int */
  private valInt(o: LongOption): number {
    return typeof o.val === 'string' ? this.charInt(o.val) : o.val;
  }

  /** fprintf (stderr, ...) */
  private fprintf(text: string): void {
    this.stderr += text;
  }

  /**
   * exchange: swap the adjacent blocks argv[__first_nonopt, __last_nonopt) (non-options
   * skipped so far) and argv[__last_nonopt, optind) (the options processed since), so that
   * the options come first; then relocate __first_nonopt and __last_nonopt.
   */
  private exchange(argv: string[]): void {
    let bottom = this.__first_nonopt;
    const middle = this.__last_nonopt;
    let top = this.optind;

    /* Exchange the shorter segment with the far end of the longer segment. */
    while (top > middle && middle > bottom) {
      if (top - middle > middle - bottom) {
        /* Bottom segment is the short one. */
        const len = middle - bottom;
        for (let i = 0; i < len; i++) {
          const tem = argv[bottom + i]!;
          argv[bottom + i] = argv[top - (middle - bottom) + i]!;
          argv[top - (middle - bottom) + i] = tem;
        }
        /* Exclude the moved bottom segment from further swapping. */
        top -= len;
      } else {
        /* Top segment is the short one. */
        const len = top - middle;
        for (let i = 0; i < len; i++) {
          const tem = argv[bottom + i]!;
          argv[bottom + i] = argv[middle + i]!;
          argv[middle + i] = tem;
        }
        /* Exclude the moved top segment from further swapping. */
        bottom += len;
      }
    }

    /* Update records for the slots the non-options now occupy. */
    this.__first_nonopt += this.optind - this.__last_nonopt;
    this.__last_nonopt = this.optind;
  }

  /**
   * process_long_option: the argument starting at __nextchar as a long option; optind has not
   * been advanced over it. Returns -1 when it is no long option after all (only when
   * long_only: it is then scanned as short options, state unchanged); otherwise the option and
   * its argument are consumed and the result is what _getopt_internal_r returns.
   */
  private process_long_option(
    argc: number,
    argv: string[],
    optstring: string,
    longopts: readonly LongOption[],
    long_only: boolean,
    print_errors: boolean,
    prefix: string,
  ): number {
    const nextchar = this.__nextchar!;
    /* nameend: the first '=' or the end */
    const eq = nextchar.indexOf('=');
    const namelen = eq < 0 ? nextchar.length : eq;
    const name = nextchar.slice(0, namelen);
    let pfound: LongOption | null = null;
    let option_index = 0;
    const n_options = longopts.length;

    /* First look for an exact match. */
    for (let i = 0; i < n_options; i++) {
      if (longopts[i]!.name === name) {
        pfound = longopts[i]!;
        option_index = i;
        break;
      }
    }

    if (pfound === null) {
      /* Didn't find an exact match, so look for abbreviations. */
      let ambig_set: boolean[] | null = null;
      let ambig_fallback = false;
      let indfound = -1;

      for (let i = 0; i < n_options; i++) {
        const p = longopts[i]!;
        if (!p.name.startsWith(name)) continue; /* strncmp (p->name, nextchar, namelen) */
        if (pfound === null) {
          /* First nonexact match found. */
          pfound = p;
          indfound = i;
        } else if (
          long_only ||
          pfound.has_arg !== p.has_arg ||
          (pfound.flag ?? null) !== (p.flag ?? null) ||
          this.valInt(pfound) !== this.valInt(p)
        ) {
          /* Second or later nonexact match found (each compared with the first only). */
          if (!ambig_fallback) {
            if (!print_errors) {
              /* Don't waste effort tracking the ambig set if we're not going to print it. */
              ambig_fallback = true;
            } else if (!ambig_set) {
              ambig_set = new Array<boolean>(n_options).fill(false);
              ambig_set[indfound] = true;
            }
            if (ambig_set) ambig_set[i] = true;
          }
        }
      }

      if (ambig_set || ambig_fallback) {
        if (print_errors) {
          /* (ambig_fallback, the short message, only happens when errors are not printed) */
          let msg = `${argv[0]}: option '${prefix}${nextchar}' is ambiguous; possibilities:`;
          for (let i = 0; i < n_options; i++) if (ambig_set![i]) msg += ` '${prefix}${longopts[i]!.name}'`;
          this.fprintf(msg + '\n');
        }
        this.__nextchar = ''; /* d->__nextchar += strlen (d->__nextchar) */
        this.optind++;
        this.optopt = 0;
        return 0x3f; /* '?' */
      }

      option_index = indfound;
    }

    if (pfound === null) {
      /* Can't find it as a long option. If this is not getopt_long_only, or the option starts
         with '--' or is not a valid short option, then it's an error. */
      if (!long_only || argv[this.optind]!.charAt(1) === '-' || strchr(optstring, nextchar.charAt(0)) < 0) {
        if (print_errors) this.fprintf(`${argv[0]}: unrecognized option '${prefix}${nextchar}'\n`);
        this.__nextchar = null;
        this.optind++;
        this.optopt = 0;
        return 0x3f; /* '?' */
      }
      /* Otherwise interpret it as a short option. */
      return -1;
    }

    /* We have found a matching long option. Consume it. */
    this.optind++;
    this.__nextchar = null;
    if (eq >= 0) {
      /* *nameend == '=' */
      if (pfound.has_arg) this.optarg = nextchar.slice(eq + 1);
      else {
        if (print_errors) this.fprintf(`${argv[0]}: option '${prefix}${pfound.name}' doesn't allow an argument\n`);
        this.optopt = this.valInt(pfound);
        return 0x3f; /* '?' */
      }
    } else if (pfound.has_arg === required_argument) {
      if (this.optind < argc) this.optarg = argv[this.optind++]!;
      else {
        if (print_errors) this.fprintf(`${argv[0]}: option '${prefix}${pfound.name}' requires an argument\n`);
        this.optopt = this.valInt(pfound);
        return optstring.charAt(0) === ':' ? 0x3a : 0x3f; /* ':' : '?' */
      }
    }

    this.longindex = option_index; /* if (longind != NULL) *longind = option_index; */
    if (pfound.flag) {
      pfound.flag.value = this.valInt(pfound);
      return 0;
    }
    return this.valInt(pfound);
  }

  /** _getopt_initialize: returns optstring past a leading '-' or '+'. */
  private _getopt_initialize(optstring: string): string {
    /* Start processing options with ARGV-element 1 (since ARGV-element 0 is the program
       name); the sequence of previously skipped non-option ARGV-elements is empty. */
    if (this.optind === 0) this.optind = 1;

    this.__first_nonopt = this.__last_nonopt = this.optind;
    this.__nextchar = null;

    /* Determine how to handle the ordering of options and nonoptions. */
    if (optstring.charAt(0) === '-') {
      this.__ordering = RETURN_IN_ORDER;
      optstring = optstring.slice(1);
    } else if (optstring.charAt(0) === '+') {
      this.__ordering = REQUIRE_ORDER;
      optstring = optstring.slice(1);
    } else if (this.posixly_correct) this.__ordering = REQUIRE_ORDER;
    else this.__ordering = PERMUTE;

    this.__initialized = true;
    return optstring;
  }

  /** _getopt_internal_r: one call; returns the C int (-1 when the options are over). */
  private _getopt_internal_r(): number {
    const argv = this.argv;
    const argc = argv.length;
    const longopts = this.longopts;
    const long_only = this.long_only;
    let optstring = this.optstring;
    let print_errors = this.opterr;

    if (argc < 1) return -1;

    this.optarg = null;

    if (this.optind === 0 || !this.__initialized) optstring = this._getopt_initialize(optstring);
    else if (optstring.charAt(0) === '-' || optstring.charAt(0) === '+') optstring = optstring.slice(1);

    if (optstring.charAt(0) === ':') print_errors = false;

    /* Test whether ARGV[optind] points to a non-option argument. */
    const NONOPTION_P = (): boolean => {
      const a = argv[this.optind]!;
      return a.charAt(0) !== '-' || a.length === 1;
    };

    if (this.__nextchar === null || this.__nextchar === '') {
      /* Advance to the next ARGV-element. */

      /* Give FIRST_NONOPT & LAST_NONOPT rational values if OPTIND has been moved back by the
         user (who may also have changed the arguments). */
      if (this.__last_nonopt > this.optind) this.__last_nonopt = this.optind;
      if (this.__first_nonopt > this.optind) this.__first_nonopt = this.optind;

      if (this.__ordering === PERMUTE) {
        /* If we have just processed some options following some non-options, exchange them so
           that the options come first. */
        if (this.__first_nonopt !== this.__last_nonopt && this.__last_nonopt !== this.optind) this.exchange(argv);
        else if (this.__last_nonopt !== this.optind) this.__first_nonopt = this.optind;

        /* Skip any additional non-options and extend the range of non-options previously
           skipped. */
        while (this.optind < argc && NONOPTION_P()) this.optind++;
        this.__last_nonopt = this.optind;
      }

      /* The special ARGV-element '--' means premature end of options. Skip it like a null
         option, then exchange with previous non-options as if it were an option, then skip
         everything else like a non-option. */
      if (this.optind !== argc && argv[this.optind] === '--') {
        this.optind++;

        if (this.__first_nonopt !== this.__last_nonopt && this.__last_nonopt !== this.optind) this.exchange(argv);
        else if (this.__first_nonopt === this.__last_nonopt) this.__first_nonopt = this.optind;
        this.__last_nonopt = argc;

        this.optind = argc;
      }

      /* If we have done all the ARGV-elements, stop the scan and back over any non-options
         that we skipped and permuted. */
      if (this.optind === argc) {
        /* Set the next-arg-index to point at the non-options that we previously skipped, so
           the caller will digest them. */
        if (this.__first_nonopt !== this.__last_nonopt) this.optind = this.__first_nonopt;
        return -1;
      }

      /* If we have come to a non-option and did not permute it, either stop the scan or
         describe it to the caller and pass it by. */
      if (NONOPTION_P()) {
        if (this.__ordering === REQUIRE_ORDER) return -1;
        this.optarg = argv[this.optind++]!;
        this.nonoption = true;
        return 1;
      }

      /* We have found another option-ARGV-element. Check whether it might be a long option. */
      if (longopts) {
        const arg = argv[this.optind]!;
        if (arg.charAt(1) === '-') {
          /* "--foo" is always a long option. The special option "--" was handled above. */
          this.__nextchar = arg.slice(2);
          return this.process_long_option(argc, argv, optstring, longopts, long_only, print_errors, '--');
        }

        /* If long_only and the ARGV-element has the form "-f", where f is a valid short
           option, don't consider it an abbreviated form of a long option that starts with f.
           Otherwise there would be no way to give the -f short option. On the other hand, if
           there's a long option "fubar" and the ARGV-element is "-fu", do consider that an
           abbreviation of the long option, just like "--fu", and not "-f" with arg "u". */
        if (long_only && (arg.length > 2 || strchr(optstring, arg.charAt(1)) < 0)) {
          this.__nextchar = arg.slice(1);
          const optind = this.optind;
          const code = this.process_long_option(argc, argv, optstring, longopts, long_only, print_errors, '-');
          if (code !== -1) return code;
          /* A long option whose val is -1 was found and consumed, but glibc takes the -1 for
             "not a long option" and goes on to read argv[optind] + 1: argv[argc] (NULL, so
             SIGSEGV) or past the end of the next element. Undefined behaviour: refuse. */
          if (this.optind !== optind)
            throw new Error(`getopt_long_only: long option '${longopts[this.longindex!]!.name}' has val -1 (undefined behaviour in glibc)`);
        }
      }

      /* It is not a long option. Skip the initial punctuation. */
      this.__nextchar = argv[this.optind]!.slice(1);
    }

    /* Look at and handle the next short option-character. */
    const ch = this.__nextchar.charAt(0); /* char c = *d->__nextchar++; */
    this.__nextchar = this.__nextchar.slice(1);
    let c = this.charInt(ch);
    const temp = strchr(optstring, ch);

    /* Increment 'optind' when we start to process its last character. */
    if (this.__nextchar === '') ++this.optind;

    if (temp < 0 || ch === ':' || ch === ';') {
      if (print_errors) this.fprintf(`${argv[0]}: invalid option -- '${ch}'\n`);
      this.optopt = c;
      return 0x3f; /* '?' */
    }

    /* Convenience. Treat POSIX -W foo same as long option --foo */
    if (ch === 'W' && optstring.charAt(temp + 1) === ';' && longopts !== null) {
      /* This is an option that requires an argument. */
      if (this.__nextchar !== '') this.optarg = this.__nextchar;
      else if (this.optind === argc) {
        if (print_errors) this.fprintf(`${argv[0]}: option requires an argument -- '${ch}'\n`);
        this.optopt = c;
        return optstring.charAt(0) === ':' ? 0x3a : 0x3f;
      } else this.optarg = argv[this.optind]!;

      this.__nextchar = this.optarg;
      this.optarg = null;
      return this.process_long_option(argc, argv, optstring, longopts, false /* long_only */, print_errors, '-W ');
    }
    if (optstring.charAt(temp + 1) === ':') {
      if (optstring.charAt(temp + 2) === ':') {
        /* This is an option that accepts an argument optionally. */
        if (this.__nextchar !== '') {
          this.optarg = this.__nextchar;
          this.optind++;
        } else this.optarg = null;
        this.__nextchar = null;
      } else {
        /* This is an option that requires an argument. */
        if (this.__nextchar !== '') {
          this.optarg = this.__nextchar;
          /* If we end this ARGV-element by taking the rest as an arg, we must advance to the
             next element now. */
          this.optind++;
        } else if (this.optind === argc) {
          if (print_errors) this.fprintf(`${argv[0]}: option requires an argument -- '${ch}'\n`);
          this.optopt = c;
          c = optstring.charAt(0) === ':' ? 0x3a : 0x3f;
        } else {
          /* We already incremented 'optind' once; increment it again when taking next
             ARGV-elt as argument. */
          this.optarg = argv[this.optind++]!;
        }
        this.__nextchar = null;
      }
    }
    return c;
  }

  /**
   * One call of getopt_long (or getopt_long_only, or getopt when longopts is null): the next
   * option, or null where C returns -1. A C caller's loop stops at the first -1; a call
   * after that does what C's would (usually -1 again); set `optind = 0` to scan again.
   */
  getopt(): GetoptResult | null {
    this.longindex = null;
    this.nonoption = false;
    this.stderr = '';
    const code = this._getopt_internal_r();
    if (code === -1) return null;
    return {
      code,
      opt: this.friendly(code),
      optarg: this.optarg,
      optopt: this.optopt,
      longindex: this.longindex,
      optind: this.optind,
      message: this.stderr,
    };
  }

  /** GetoptResult.opt for a return value */
  private friendly(code: number): number | string {
    if (this.longindex !== null) {
      /* a long option was found and accepted: return pfound->val, or 0 with a flag */
      const o = this.longopts![this.longindex]!;
      return o.flag ? 0 : o.val;
    }
    if (this.nonoption) return 1; /* a non-option in RETURN_IN_ORDER mode */
    return String.fromCharCode(code & 0xff); /* an option char, '?' or ':' */
  }

  /** One call per step, until the first call that returns -1. */
  *[Symbol.iterator](): Iterator<GetoptResult> {
    for (let o = this.getopt(); o !== null; o = this.getopt()) yield o;
  }
}

/** The caller's `while ((c = getopt...()) != -1)` loop, run to the end. */
function run(g: Getopt): GetoptRun {
  const options = [...g];
  return { options, optind: g.optind, argv: g.argv, stderr: options.map((o) => o.message).join('') };
}

/**
 * getopt_long (posix/getopt1.c), the whole `while ((c = getopt_long (...)) != -1)` loop
 * (getopt_long_only's when `opts.longOnly`). argv is not modified: `GetoptRun.argv` is the
 * permuted copy.
 */
export function getopt_long(
  argv: readonly string[],
  optstring: string,
  longopts: readonly LongOption[] | null,
  opts: GetoptOptions = {},
): GetoptRun {
  return run(new Getopt(argv, optstring, longopts, opts));
}

/** getopt_long_only (posix/getopt1.c): '-foo' may be a long option too. */
export function getopt_long_only(
  argv: readonly string[],
  optstring: string,
  longopts: readonly LongOption[] | null,
  opts: GetoptOptions = {},
): GetoptRun {
  return run(new Getopt(argv, optstring, longopts, { ...opts, longOnly: true }));
}

/** getopt (posix/getopt.c GETOPT_ENTRY(getopt, 0)): short options only. */
export function getopt(argv: readonly string[], optstring: string, opts: GetoptOptions = {}): GetoptRun {
  return run(new Getopt(argv, optstring, null, { ...opts, longOnly: false }));
}
