@echo off
rem KCN Planner launcher for Windows: needs Python 3.11 from python.org (the "py" launcher).
rem First run creates .venv beside main.py and installs the pinned requirements (needs PyPI
rem access once); later runs work offline.
setlocal
cd /d "%~dp0\..\.."
py -3.11 main.py %*
if errorlevel 1 pause
