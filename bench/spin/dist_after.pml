/*
 * dist_after.pml -- SPIN baseline model 3: cmd/dist background workers AFTER the fix.
 *
 * Upstream: golang/go@73a10bfcbb46 "cmd/dist: fix deadlock when compilation command fails"
 * (CL 3010), src/cmd/dist/util.go:
 *   run()     L89-L99   a failing Background command: bgdied.Done(); fatal(...)  (never returns)
 *   bgwork    L114      make(chan func(), 1e5)        -- BUFFERED, capacity C here
 *   bgdied    L117      sync.WaitGroup; bginit: bgdied.Add(maxbg) (L125-L130)
 *   dying     L121      make(chan bool), only ever closed (broadcast)
 *   nfatal    L122      int32, atomic
 *   bghelper  L132-L143 for { w := <-bgwork; w(); if atomic.LoadInt32(&nfatal) > 0 { bgdied.Done(); return } }
 *   bgrun     L147-L151 bgwork <- func() { run(dir, CheckExit|ShowOutput|Background, cmd...) }
 *   bgwait    L155-L173 wg.Add(maxbg); done := make(chan bool);
 *                       maxbg x bgwork <- func() { wg.Done(); select { case <-dying: case <-done: } };
 *                       wg.Wait(); close(done)
 *   fatal     L304-L319 print; if atomic.AddInt32(&nfatal, 1) == 1 { close(dying) };
 *                       maxbg x bgwork <- func() {}; bgdied.Wait(); xexit(2)
 *   xexit     L324-L329 run atexits (rmworkdir) in reverse, then os.Exit(n)
 * Main as in build.go install(): bgrun per source file, then bgwait().
 *
 * Parameters (spin -D...):
 *   K  maxbg, helper goroutines                     (default 2)
 *   J  jobs sent by bgrun before bgwait             (default 2); each job's command
 *      nondeterministically succeeds or fails when a helper runs it
 *   C  capacity of bgwork                           (default 16; upstream 1e5)
 *   QUIESCE  add the bookkeeping for P2.2 (no command runs once the exit handlers start)
 *
 * Goroutine -> proctype:  main (bginit, install, rest abstracted to xexit(0)) -> init;
 * bghelper x K -> Helper.  fatal() runs in whichever goroutine calls it (here: a Helper whose
 * job failed; the code path through run's Background branch).
 * Closures on bgwork -> message tags JOB, BARRIER, NOOP (the `func() {}` sent by fatal).
 * Close-only channels `dying` and bgwait's `done` -> booleans "closed"; `<-ch` on them is the
 * guard `ch` (they are never sent on, so a receive succeeds exactly when they are closed).
 * os.Exit -> exited = true; see the BEGIN_G/END_G switch below.
 *
 * Properties:
 *   invalid end state         deadlock (P2.1); expected only when C is too small
 *   assert(exits == 1)        exit handlers start at most once (P2.6); expected violated with
 *                             two concurrent failures (K >= 2, J >= 2)
 *   assert(!dying) at close   dying closed at most once (P2.5)
 *   assert(bgdied > 0) at Done, assert(wg > 0) at Done   no negative WaitGroup (P2.7)
 *   -DQUIESCE: assert(ncmd == 0) when exit handlers start, assert(!atexit) when a command starts (P2.2)
 */

#ifndef K
#define K 2
#endif
#ifndef J
#define J 2
#endif
#ifndef C
#define C 16
#endif

/* ---- os.Exit and property switches (dist_before.pml, its sibling, is not part of this benchmark) ----
 * Default encoding: every goroutine body is `BEGIN_G ... END_G` = `{ ... } unless { exited }`:
 *   once a goroutine calls os.Exit (exited = true) every other goroutine stops where it is, so a
 *   run that exits ends in a valid end state and an invalid end state is a real deadlock.
 *   Faithful, but SPIN never treats a statement inside an unless body as safe for partial-order
 *   reduction, so POR gains almost nothing on these models.
 * -DEXIT_CLAIM: no unless; a never claim `[] !exited` cuts every path at os.Exit (the state
 *   after os.Exit is not expanded) and keeps POR effective.  A never claim disables SPIN's
 *   invalid-end-state check, so a Watchdog process reports a deadlock instead:
 *   `timeout -> assert(exited)` ("every goroutine blocked and nobody called os.Exit").
 * -DNOPROPS:   property assertions become skip (deadlock-only runs in EXIT_CLAIM mode; in the
 *              default mode use pan -A instead).
 * -DNOWATCHDOG: no Watchdog (assertion-only runs in EXIT_CLAIM mode; default mode: pan -E).
 * -DNOEXITONCE: drop the P2.6 assertion (exits == 1), to look at the other properties alone.
 */
#ifdef EXIT_CLAIM
#define BEGIN_G {
#define END_G   }
#else
#define BEGIN_G {
#define END_G   } unless { exited }
#endif
#ifdef NOPROPS
#define PROP(e) skip
#else
#define PROP(e) assert(e)
#endif

mtype = { JOB, BARRIER, NOOP };

chan bgwork = [C] of { mtype };  /* bgwork = make(chan func(), 1e5)                     */
byte bgdied;          /* sync.WaitGroup bgdied: helpers still in their loop              */
byte nfatal;          /* int32 nfatal, only touched atomically                           */
bool dying;           /* dying = make(chan bool): true once closed                       */
byte wg;              /* bgwait's local WaitGroup (bgwait runs once, from main)          */
bool done;            /* bgwait's local `done` channel: true once closed                 */
bool exited;          /* os.Exit has been called                                         */
byte exits;           /* goroutines that started xexit (running the atexits handlers)    */
byte exitcode;        /* argument of the first xexit                                     */
#ifdef QUIESCE
byte ncmd;            /* helpers currently running a command                             */
bool atexit;          /* some goroutine is running the exit handlers                     */
#endif

inline xexit(code) {                   /* xexit(n)                                     */
    atomic {
        exits++;
        if :: exits == 1 -> exitcode = code :: else -> skip fi;
#ifndef NOEXITONCE
        PROP(exits == 1)               /* P2.6: exit handlers run at most once          */
#else
        skip
#endif
#ifdef QUIESCE
        ; PROP(ncmd == 0);             /* P2.2                                          */
        atexit = true
#endif
    };
    exited = true                      /* os.Exit(n)                                    */
}

inline fatal(i, first) {               /* fatal(format, args...)                        */
    atomic { nfatal++; first = (nfatal == 1) };        /* atomic.AddInt32(&nfatal, 1) == 1 */
    if
    :: first -> atomic { PROP(!dying); dying = true }      /* close(dying); twice panics */
    :: else -> skip
    fi;
    i = 0;
    do
    :: i < K -> bgwork ! NOOP; i++     /* bgwork <- func() {} // wake up workers         */
    :: else -> break
    od;
    bgdied == 0;                       /* bgdied.Wait()                                 */
    xexit(2)
}

proctype Helper() {                    /* func bghelper()                               */
    mtype w; byte i; bool first;
    BEGIN_G
    do
    :: bgwork ? w ->                   /* w := <-bgwork                                 */
        if
        :: w == JOB ->                 /* w(): run(dir, CheckExit|ShowOutput|Background) */
#ifdef QUIESCE
            atomic { PROP(!atexit); ncmd++ };
#endif
            if
            :: true                    /* the command succeeds                          */
#ifdef QUIESCE
               ; ncmd--
#endif
            :: true ->                 /* the command fails:                            */
#ifdef QUIESCE
               ncmd--;
#endif
               atomic { PROP(bgdied > 0); bgdied-- };     /* bgdied.Done()               */
               fatal(i, first)                             /* fatal("FAILED: ..."): no return */
            fi
        :: w == BARRIER ->             /* bgwait's closure:                             */
            atomic { PROP(wg > 0); wg-- };                 /* wg.Done()                   */
            if                                             /* select {                    */
            :: dying -> skip                               /*   case <-dying:              */
            :: done  -> skip                               /*   case <-done:               */
            fi                                             /* }                           */
        :: w == NOOP -> skip           /* func() {}                                     */
        fi;
        if                             /* if atomic.LoadInt32(&nfatal) > 0 {             */
        :: nfatal > 0 ->
            atomic { PROP(bgdied > 0); bgdied-- };         /*   bgdied.Done()              */
            break                                          /*   return }                   */
        :: else -> skip
        fi
    od
    END_G
}

init {                                 /* main goroutine                                */
    byte j, i;
    BEGIN_G
        atomic {                       /* bginit(): bgdied.Add(maxbg); go bghelper() x maxbg */
            bgdied = K;
            j = 0;
            do :: j < K -> run Helper(); j++ :: else -> break od
        };
        j = 0;                         /* install(): bgrun(...) per file                 */
        do
        :: j < J -> bgwork ! JOB; j++
        :: else -> break
        od;
        wg = K;                        /* bgwait(): wg.Add(maxbg); done := make(chan bool) */
        i = 0;
        do
        :: i < K -> bgwork ! BARRIER; i++
        :: else -> break
        od;
        wg == 0;                       /* wg.Wait()                                     */
        done = true;                   /* close(done)                                   */
        xexit(0)                       /* rest of the program, ending in xexit(0)       */
    END_G
}

#ifdef EXIT_CLAIM
never {                                /* os.Exit ends the process: stop exploring there */
    do
    :: !exited
    od
}
#ifndef NOWATCHDOG
active proctype Watchdog() {           /* every goroutine blocked before any os.Exit     */
    timeout -> assert(exited)
}
#endif
#endif
