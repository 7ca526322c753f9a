/**
 * The fence languages Hugo 0.111 highlights with Chroma: every lexer name,
 * alias and file extension that Debian's `hugo` 0.111.3 turns into a
 * `<div class="highlight">` block (probed by building one fenced block per
 * candidate name; compared lower-cased, as Chroma looks names up). Any other
 * language renders as plain `<pre><code class="language-…">`.
 */
const names = `
  .bashrc .editorconfig .env .gitconfig .htaccess .pylintrc .zshrc 1p 1s 1s:enterprise 3pm abap abnf
  aconf actionscript actionscript3 ada ada2005 ada95 adb ads al angular2 antlr apache apache.conf
  apache2.conf apacheconf apl applescript arduino arexx armasm as as3 asm automount aux awk b b3d bal
  ballerina bas bash bash-session bashrc bashsession basic bat batch batchfile bb bf bib bibtex bicep
  bind blitzbasic bnf bplus bqn brainfuck bzl c c# c++ caddy caddyfile caddyfile-d
  caddyfile-directives capnp cassette cc cdf ceylon cf cf3 cfengine3 cfg cfs cfstatement chai
  chaiscript cjs cl clj clojure cmake cmakelists.txt cmd cob cobol coffee coffee-script coffeescript
  common-lisp console coq cp cpp cpy cr crystal cs csh csharp csproj css cts cucumber cxx cython d
  dal dart decls def device di diff django django/jinja dns dnssd docker dockerfile dosbatch dosini
  dtd duby dyl dylan dzn ebnf ebuild ecl eclass el elisp elixir elm emacs emacs-lisp emacslisp env
  epf eps erf erl erlang es escript ex exheres-0 exlib exs f03 f90 f95 factor feature fennel fish
  fishshell fnl forth fortran frag frt fs fsharp fsi fsproj fth fun fzn gas gawk gd gdscript gemspec
  genshi geo gherkin glsl gnuplot go go-html-template go-text-template golang gql gradle graphql
  graphqls groff groovy gsed h h++ handlebars haskell haxe hbs hcl hexdump hh hlb hlsl hlsli hpp hrl
  hs htm html http hx hxsl hxx hy hylang idc idr idris igor igorpro ijs inc inf ini ino intr io ipf j
  java java-properties javascript jinja jl js jsm json jsx julia jungle jy kid kotlin ksh kt latex
  lighttpd lighty link lisp ll llvm load lua m m2 ma make makefile man mariadb markdown mathematica
  matlab mawk mc mcfunction md meson meson.build meson_options.txt metal minizinc mjs mk mkd ml mli
  mlir mll mly mma mod modula-2 modula2 monkeyc morrowind morrowindscript mount mts mwscript mysql
  mzn nasm nawk nb nbp netdev network newspeak ng2 nginx nginx.conf nim nimrod nix nixos no-highlight
  nroff ns2 obj-c objc objective-c objectivec ocaml octave ones onesenterprise openscad pacman.conf
  pacmanconf patch path pc perl perl6 php php3 php4 php5 phtml pig pkgconfig pl pl/pgsql pl6 plain
  plaintext plc plot plpgsql plt plutus-core pm pony posh postgres postgresql postscr postscript pov
  povray powerquery powershell pp pq pro prolog promql properties proto protobuf ps ps1 psd1 psl psm1
  puppet pwsh pxd pxi py py2 py3 pyi pylintrc pyrex python python2 python3 pyw pyx qbasic qbs qml r
  racket ragel rake raku rb rbw rbx re react reason reasonml reg registry rei rest restructuredtext
  rex rexx rkt rktd rktl rq rs rs.in rss rst ruby rust rvt rx s sage sas sass sc scad scala sce
  scheme sci scilab scm scope scss sed service sh sh-session shell shell-session sieve sig siv slice
  smalltalk sml snobol socket sol solidity sparql splus sql squeak squid squid.conf squidconf ss ssed
  st stas styl stylus sv svelte svg svh swap swift systemd systemverilog t t-sql tablegen tac tape
  target tasm tcl tcsh td termcap termcap.src terminfo terminfo.src terraform tex text tf thrift
  timer tmpl toc toml tradingview transact-sql ts tsql tst tsx ttl tu turing turtle tv twig txt
  typescript typoscript typoscriptcssdata typoscripthtmldata udiff v vala vapi vb vb.net vbnet
  vcxproj verilog vert vhd vhdl vhs vim viml vue vuejs wdte whiley winbatch wlua wsdl wsf xhtml xml
  xml+genshi xorg xorg.conf xsd xsl xslt yaml yang yml zed zig zone zsh zshrc
`

/** Lower-cased language names Chroma knows. */
export const chromaLanguages: ReadonlySet<string> = new Set(names.split(/\s+/).filter((name) => name !== ''))

/**
 * Lower-cased names of the lexers that end their output with a line ending
 * even when the code has none (Chroma's `EnsureNL`): what a code block render
 * hook shows on the last line (probed like {@link chromaLanguages}).
 */
export const chromaEnsureNewline: ReadonlySet<string> = new Set([
  'bash-session',
  'bashsession',
  'console',
  'diff',
  'patch',
  'sh-session',
  'shell-session',
  'udiff'
])
