#!/bin/sh
# Serves /app/www on :8080 in the foreground.
echo "serving $(cat /app/www/greeting.txt) on :8080"
exec httpd -f -p 8080 -h /app/www
