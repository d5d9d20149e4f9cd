// SPDX-License-Identifier: MIT
// The grammar of `.landlock` policy files (the policy language reference is LANGUAGE.md).
//
// It is deliberately more permissive than the language: every statement may appear at top level
// or inside a block, `threads` takes any name, and the words of a `log` setting are plain names.
// The AST builder (compiler/parse/ast_builder.cc) rejects the misplaced and misspelled forms with
// precise diagnostics instead of a generic "unexpected input".
//
// Files with nothing to report never reach this grammar: compiler/parse/fast_parser.cc parses
// them by hand, accepting exactly what this grammar and the AST builder accept without a
// diagnostic. Change them together; fast_parser_test compares both paths. The lexer rules are the
// reference for the hand-written lexer (compiler/parse/lexer.cc), which feeds both parsers;
// lexer_differential_test checks that the two lexers agree. See compiler/parse/README.md.
grammar Landlock;

file : statement* EOF ;

statement
  : abiStmt
  | requiresStmt
  | includeStmt
  | letStmt
  | threadsStmt
  | rulesBlock
  | layerBlock
  | handleStmt
  | allowStmt
  | useStmt
  | logStmt
  ;

abiStmt      : ABI INT ';' ;
requiresStmt : REQUIRES ABI INT ';' ;
includeStmt  : INCLUDE STRING ';' ;
letStmt      : LET IDENT '=' value ';' ;
threadsStmt  : THREADS IDENT ';' ;
rulesBlock   : RULES IDENT block ;
layerBlock   : LAYER IDENT block ;
block        : '{' statement* '}' ;
handleStmt   : HANDLE category=(FS | NET | SCOPE) ':' expr ';' ;
allowStmt    : ALLOW expr ON value OPTIONAL? ';' ;
useStmt      : USE IDENT ';' ;
logStmt      : LOG logSetting (',' logSetting)* ';' ;
logSetting   : word=IDENT (ON | IDENT) ;

// A `let` value or `allow` targets: a port list, or comma-separated expressions.
value     : portList | exprList ;
portList  : PORT portItem (',' portItem)* ;
portItem  : INT ('..' INT)? | IDENT ;
exprList  : expr (',' expr)* ;

// Left to right; written as a loop so that the parse tree stays flat for long sums.
expr : term (op=('+' | '-') term)* ;
term : '(' expr ')' | IDENT | NONE | STRING ;

ABI      : 'abi' ;
ALLOW    : 'allow' ;
FS       : 'fs' ;
HANDLE   : 'handle' ;
INCLUDE  : 'include' ;
LAYER    : 'layer' ;
LET      : 'let' ;
LOG      : 'log' ;
NET      : 'net' ;
NONE     : 'none' ;
ON       : 'on' ;
OPTIONAL : 'optional' ;
PORT     : 'port' ;
REQUIRES : 'requires' ;
RULES    : 'rules' ;
SCOPE    : 'scope' ;
THREADS  : 'threads' ;
USE      : 'use' ;

SEMI   : ';' ;
COLON  : ':' ;
COMMA  : ',' ;
ASSIGN : '=' ;
PLUS   : '+' ;
MINUS  : '-' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
DOTDOT : '..' ;

IDENT : [A-Za-z_] [A-Za-z0-9_]* ;
INT   : [0-9]+ ;

// Any escape is lexed; the parse phase reports the ones the language does not define.
STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
// A string cut by the end of the line (or file): reported at its opening quote.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'? ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n]+ -> skip ;

// Anything else, reported by the parse phase rather than by the lexer.
INVALID_CHARACTER : . ;
