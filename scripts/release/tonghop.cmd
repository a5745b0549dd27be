@echo off
rem tonghop for Windows: runs the program with the Node.js shipped beside it (app\node.exe).
rem It prints nothing of its own, so "tonghop.cmd status --json" is pure JSON. Node writes the
rem console in UTF-16 and pipes/files in UTF-8 whatever the code page; chcp 65001 is for tools
rem the output is piped into, and the console's own code page is put back afterwards.
rem (dist.mjs writes this file with CRLF line ends: cmd.exe misreads LF-only batch files.)
setlocal
set "_tonghop_cp="
for /f "tokens=2 delims=:" %%c in ('chcp 2^>nul') do set "_tonghop_cp=%%c"
chcp 65001 >nul 2>&1
"%~dp0app\node.exe" "%~dp0app\dist\bundle\main.js" %*
set "_tonghop_rc=%ERRORLEVEL%"
if defined _tonghop_cp chcp %_tonghop_cp:.=% >nul 2>&1
rem Double-clicked (no arguments): keep the window open when the program stopped on an error,
rem so its message can be read.
if "%~1"=="" if not "%_tonghop_rc%"=="0" pause
exit /b %_tonghop_rc%
